// echeance: the command line. A thin layer over the library: parse, call, print.
#include "check.hpp"
#include "dates.hpp"
#include "due.hpp"
#ifdef ECHEANCE_HAS_JOURNAL
#include "journal.hpp"
#endif
#include "options.hpp"
#include "replay.hpp"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <echeance/error.hpp>
#include <exception>
#include <functional>
#include <string>

int main(int argc, char** argv) {
    CLI::App app{"echeance: legal deadlines, retention dates and account lifecycles"};
    app.name("echeance");
    app.set_version_flag("--version", std::string("echeance ") + ECHEANCE_VERSION);
    app.require_subcommand(1);
    std::function<int()> run;
    echeance::cli::register_add(app, run);
    echeance::cli::register_deadline(app, run);
    echeance::cli::register_holidays(app, run);
    echeance::cli::register_replay(app, run);
    echeance::cli::register_due(app, run);
    echeance::cli::register_check(app, run);
#ifdef ECHEANCE_HAS_JOURNAL
    echeance::cli::register_journal(app, run);
#endif
    // Name an unknown command instead of CLI11's "A subcommand is required".
    if (argc > 1 && argv[1][0] != '-') {
        bool known = false;
        std::string names;
        for (const CLI::App* sub : app.get_subcommands({})) {
            known = known || sub->get_name() == argv[1];
            names += (names.empty() ? "" : ", ") + sub->get_name();
        }
        if (!known) {
            std::fprintf(stderr,
                         "echeance: usage error: unknown command \"%s\" (expected one of: %s)\n",
                         argv[1], names.c_str());
            return 2;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "echeance: usage error: %s\nRun with --help for more information.\n",
                     e.what());
        return 2;
    }
    try {
        int status = run ? run() : 2;
        // A full disk or a closed pipe must not pass for a complete answer.
        if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
            std::fprintf(stderr,
                         "echeance: error [echeance.io.write]: cannot write the output: %s\n",
                         std::strerror(errno));
            return 1;
        }
        return status;
    } catch (const echeance::cli::usage_error& e) {
        std::fprintf(stderr, "echeance: usage error: %s\n", e.what());
        return 2;
    } catch (const echeance::error& e) {
        std::fprintf(stderr, "echeance: %s\n", e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "echeance: error [echeance.internal]: %s\n", e.what());
        return 1;
    }
}
