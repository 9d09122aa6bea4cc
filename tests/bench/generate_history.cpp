// Large synthetic histories for the end-to-end benchmarks: plausible Mon espace santé acts (the
// generator of the engine's property tests, tests/engine/generate.hpp), deterministic from a seed.
//   echeance_generate --persons 1000000 --seed 1 > /tmp/sweep-1m.jsonl
//   echeance_generate --persons N [--seed S] [--events-per-person K] [--ungrouped]
//                     [--nir-share P] [--csv]
//   echeance_generate --one-person-events M [--seed S] [--csv]
// Persons are p0000001, p0000002, ... (or a NIR for a share P of them), each with exactly K
// events (default 5). --ungrouped interleaves the lines of blocks of persons round-robin, so a
// person's lines are not consecutive. --one-person-events writes one person with M events.
#include "../engine/generate.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

using namespace echeance;

namespace {

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr,
                 "echeance_generate: %s\nusage: echeance_generate --persons N [--seed S] "
                 "[--events-per-person K] [--ungrouped] [--nir-share P] [--csv]\n"
                 "       echeance_generate --one-person-events M [--seed S] [--csv]\n",
                 why);
    std::exit(2);
}

std::uint64_t number(const char* s, const char* option) {
    std::uint64_t v = 0;
    const char* end = s + std::strlen(s);
    auto r = std::from_chars(s, end, v);
    if (r.ec != std::errc() || r.ptr != end) usage(option);
    return v;
}

// Output through one large buffer: no flush per line.
class output {
public:
    output() { buf_.reserve(cap); }
    ~output() { flush(); }
    output(const output&) = delete;
    output& operator=(const output&) = delete;
    void line(const std::string& s) {
        buf_ += s;
        buf_ += '\n';
        if (buf_.size() >= cap) flush();
    }
    void flush() {
        if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), stdout) != buf_.size()) {
            std::perror("echeance_generate: write");
            std::exit(1);
        }
        buf_.clear();
    }

private:
    static constexpr std::size_t cap = 1 << 22;
    std::string buf_;
};

std::string plain_id(std::uint64_t i) {
    char b[24];
    std::snprintf(b, sizeof b, "p%07llu", static_cast<unsigned long long>(i));
    return b;
}

// A valid-looking NIR, distinct for every i: sex, year, month, department (01-95 but 20),
// commune and order number, then the key (97 - the 13 digits mod 97).
std::string nir_id(std::uint64_t i) {
    std::uint64_t low = i % 1000000, q = i / 1000000;
    unsigned dep = unsigned(q % 94) + 1;
    if (dep >= 20) ++dep;
    q /= 94;
    unsigned month = unsigned(q % 12) + 1;
    q /= 12;
    unsigned year = unsigned(q % 100);
    unsigned sex = unsigned(q / 100 % 2) + 1;
    char b[32];
    std::snprintf(b, sizeof b, "%u%02u%02u%02u%06llu", sex, year, month, dep,
                  static_cast<unsigned long long>(low));
    std::uint64_t n = std::strtoull(b, nullptr, 10);
    std::snprintf(b + 13, sizeof b - 13, "%02u", unsigned(97 - n % 97));
    return b;
}

std::string to_csv(const testing::gen_line& l) {
    std::string s = l.person;
    s += ',';
    s += format_date(l.day);
    s += ',';
    s += l.event;
    s += ',';
    s += l.role;
    s += ',';
    s += l.territory;
    s += ',';
    if (l.seq >= 0) s += std::to_string(l.seq);
    s += ',';
    s += l.born;
    s += ',';
    s += l.department;
    return s;
}

// One person with m events: the same acts, but the days advance slowly (about one day every
// max(1, m / 2,000,000) events) so that even millions of events stay within year 9999.
std::vector<testing::gen_line> one_person(testing::rng& r, std::uint64_t m) {
    const auto& acts = testing::mes_acts();
    std::vector<testing::gen_line> out;
    out.reserve(std::size_t(m));
    sys_days day = sys_days(year_month_day(date::year(2021), date::month(7), date::day(1))) +
                   date::days(r.below(400));
    const std::uint64_t every = m / 2000000 + 1;
    for (std::uint64_t i = 0; i < m; ++i) {
        if (i % every == 0) {
            std::uint32_t g = r.below(50);
            if (g == 0)
                day -= date::days(r.below(5)); // now and then back in time: out of order
            else if (g < 25)
                day += date::days(1 + r.below(2));
        }
        auto a = acts[r.below(std::uint32_t(acts.size()))];
        testing::gen_line l;
        l.person = "p0000001";
        l.day = year_month_day(day);
        l.event = a.first;
        l.role = a.second;
        l.territory = "FR";
        if (r.below(4) == 0) l.seq = int(r.below(5));
        out.push_back(std::move(l));
    }
    if (!out.empty()) out.front().department = "31";
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::uint64_t seed = 1, persons = 0, per_person = 5, one = 0;
    double nir_share = 0;
    bool csv = false, ungrouped = false, have_persons = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) usage("an option needs a value");
            return argv[++i];
        };
        if (a == "--seed") {
            seed = number(value(), "bad --seed");
        } else if (a == "--persons") {
            persons = number(value(), "bad --persons");
            have_persons = true;
        } else if (a == "--events-per-person") {
            per_person = number(value(), "bad --events-per-person");
        } else if (a == "--one-person-events") {
            one = number(value(), "bad --one-person-events");
        } else if (a == "--nir-share") {
            char* end = nullptr;
            const char* v = value();
            nir_share = std::strtod(v, &end);
            if (*end || !(nir_share >= 0 && nir_share <= 1))
                usage("--nir-share takes a fraction from 0 to 1");
        } else if (a == "--ungrouped") {
            ungrouped = true;
        } else if (a == "--csv") {
            csv = true;
        } else if (a == "--help" || a == "-h") {
            usage("synthetic Mon espace santé histories on stdout");
        } else {
            usage("unknown option");
        }
    }
    if (!have_persons && one == 0) usage("give --persons N or --one-person-events M");
    if (have_persons && one != 0) usage("--persons and --one-person-events exclude each other");
    if (per_person == 0 || per_person > 1000000) usage("--events-per-person is 1 to 1000000");

    output out;
    auto emit = [&](const testing::gen_line& l) {
        out.line(csv ? to_csv(l) : testing::to_jsonl(l));
    };
    if (csv) out.line("person,at,event,role,territory,seq,born,department");
    testing::rng r{seed};
    if (one != 0) {
        for (const auto& l : one_person(r, one)) emit(l);
        return 0;
    }
    // The NIR draw has its own stream: the acts of a person do not depend on --nir-share.
    testing::rng pick{seed ^ 0x5DEECE66Dull};
    const auto threshold = std::uint64_t(nir_share * 1e9);
    auto person = [&](std::uint64_t i) {
        bool nir = pick.below(1000000000) < threshold;
        return testing::generate_person(r, nir ? nir_id(i) : plain_id(i + 1), int(per_person));
    };
    // Ungrouped: blocks of persons, their lines written round-robin (one line of each in turn).
    const std::uint64_t block = ungrouped ? 1000 : 1;
    std::vector<std::vector<testing::gen_line>> lines;
    for (std::uint64_t first = 0; first < persons; first += block) {
        std::uint64_t n = std::min(block, persons - first);
        lines.clear();
        for (std::uint64_t k = 0; k < n; ++k) lines.push_back(person(first + k));
        for (std::size_t e = 0; e < per_person; ++e)
            for (const auto& p : lines) emit(p[e]);
    }
    out.flush();
    if (std::fflush(stdout) != 0) {
        std::perror("echeance_generate: write");
        return 1;
    }
    return 0;
}
