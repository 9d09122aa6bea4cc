// echeance-generate: a large synthetic history of the Mon espace santé rule set on stdout, as
// JSON Lines, for the sweep benchmarks and the Dask test (the persons of tests/engine/generate.hpp:
// plausible acts with a few wrong ones, some out of order, some person facts). Deterministic:
// the same options give the same bytes.
//
//   echeance-generate --persons 1000000 [--events-per-person 5] [--seed 1] [--ungrouped]
//                     [--nir-every N] > history.jsonl
//
// --ungrouped: persons interleaved by blocks of 1000 (line 1 of each, then line 2 of each...),
//   each person's lines still in their order: a person reappears after other persons.
// --nir-every N: every Nth person has a NIR-shaped id (masked in every output); 0: none.
#include "../engine/generate.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <string>
#include <vector>

namespace {

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr,
                 "echeance-generate: %s\nusage: echeance-generate --persons N "
                 "[--events-per-person K] [--seed S] [--ungrouped] [--nir-every N]\n",
                 why);
    std::exit(2);
}

unsigned long long number(const char* text, const char* option) {
    char* end = nullptr;
    errno = 0;
    unsigned long long v = std::strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || text[0] == '-')
        usage(fmt::format("{} needs a non-negative integer, got \"{}\"", option, text).c_str());
    return v;
}

// A 13-digit NIR shape (sex, year, month, department, commune, order), unique per person number.
std::string nir_of(unsigned long long n) {
    return fmt::format("1 {:02} {:02} {:02} {:03} {:03}", 50 + n / 100000000000ull % 50,
                       1 + n / 100000000ull % 12, 1 + n / 1000000ull % 95, n / 1000ull % 1000,
                       n % 1000);
}

} // namespace

int main(int argc, char** argv) {
    unsigned long long persons = 0, events = 5, seed = 1, nir_every = 0;
    bool grouped = true, have_persons = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) usage((a + " needs a value").c_str());
            return argv[++i];
        };
        if (a == "--persons") {
            persons = number(value(), "--persons");
            have_persons = true;
        } else if (a == "--events-per-person") {
            events = number(value(), "--events-per-person");
        } else if (a == "--seed") {
            seed = number(value(), "--seed");
        } else if (a == "--nir-every") {
            nir_every = number(value(), "--nir-every");
        } else if (a == "--ungrouped") {
            grouped = false;
        } else {
            usage(("unknown option " + a).c_str());
        }
    }
    if (!have_persons) usage("--persons is required");
    if (events == 0 || events > 1000000) usage("--events-per-person must be 1 to 1000000");

    echeance::testing::rng r{seed};
    std::string out;
    out.reserve(1 << 21);
    auto flush = [&](bool force) {
        if (!force && out.size() < (1 << 20)) return;
        if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size()) {
            std::perror("echeance-generate: write");
            std::exit(1);
        }
        out.clear();
    };
    const std::size_t block = grouped ? 1 : 1000;
    std::vector<std::vector<echeance::testing::gen_line>> people;
    for (unsigned long long first = 0; first < persons; first += block) {
        people.clear();
        for (unsigned long long p = first; p < persons && p < first + block; ++p) {
            std::string id =
                nir_every && p % nir_every == nir_every - 1 ? nir_of(p) : fmt::format("p{:07}", p);
            people.push_back(echeance::testing::generate_person(r, id, int(events)));
        }
        // Grouped: one person after the other; ungrouped: line k of every person of the block.
        if (grouped) {
            for (const auto& l : people.front()) {
                out += echeance::testing::to_jsonl(l);
                out += '\n';
            }
            flush(false);
            continue;
        }
        for (std::size_t k = 0; k < events; ++k)
            for (const auto& lines : people) {
                out += echeance::testing::to_jsonl(lines[k]);
                out += '\n';
                flush(false);
            }
    }
    flush(true);
    return std::fflush(stdout) == 0 ? 0 : 1;
}
