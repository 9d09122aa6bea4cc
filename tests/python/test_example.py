"""examples/python/replay.py runs and prints what the README shows."""
import subprocess
import sys


def test_the_readme_example_runs(root):
    out = subprocess.run([sys.executable, str(root / "examples" / "python" / "replay.py")],
                         cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout == ("deadline: 2022-05-27\n"
                          "ds-1 answer_within_one_month due 2022-02-28 overdue\n")


def test_the_readme_shows_the_examples_and_their_outputs_verbatim(root):
    readme = (root / "README.md").read_text()
    for f in ("examples/c/replay.c", "examples/python/replay.py",
              "tests/install/c_example.expected", "tests/install/python_example.expected"):
        assert (root / f).read_text() in readme, f
