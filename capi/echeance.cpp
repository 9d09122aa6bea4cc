// The C API (include/echeance/echeance.h): a face over the io layer, with no logic of its own.
// Every entry point catches everything: no exception may unwind into C.
#include "echeance/echeance.h"

#include "echeance/calendar.hpp"
#include "echeance/convention.hpp"
#include "echeance/engine.hpp"
#include "echeance/error.hpp"
#include "echeance/io/calendar.hpp"
#include "echeance/io/due.hpp"
#include "echeance/io/history.hpp"
#include "echeance/io/report.hpp"
#include "echeance/io/rules.hpp"
#include "echeance/period.hpp"
#include "echeance/ruleset.hpp"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifndef ECHEANCE_VERSION
#error "ECHEANCE_VERSION must be defined by the build (the project version)"
#endif

struct echeance_rules {
    echeance::ruleset rules;
    echeance::calendar cal; // shared and immutable: copies and queries are thread-safe
};

namespace {

using echeance::error;

// A usage error (return 2): a NULL pointer or an unknown name.
struct usage {
    std::string message;
};

// "[id] where: message": the id first, so that a caller can match it without parsing.
std::string describe(const error& e) {
    std::string out = "[" + e.id() + "] ";
    if (!e.where().empty()) out += e.where().to_string() + ": ";
    return out + e.message();
}

std::string describe_all(const std::vector<error>& errors) {
    std::string out;
    for (const auto& e : errors) {
        if (!out.empty()) out += '\n';
        out += describe(e);
    }
    return out;
}

// A malloc'd, NUL-terminated copy (the caller frees it with echeance_free); NULL when out of
// memory, which the caller can only report as a NULL string.
char* copy_out(std::string_view s) noexcept {
    auto* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (p == nullptr) return nullptr;
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

void set_error(char** out, std::string_view text) noexcept {
    if (out != nullptr) *out = copy_out(text);
}

const char* need(const char* value, const char* name) {
    if (value == nullptr) throw usage{std::string(name) + " is NULL"};
    return value;
}

// Runs `body` and turns every exception into a return code and a message.
template <class F>
int guarded(char** err, F&& body) noexcept {
    try {
        return body();
    } catch (const usage& u) {
        set_error(err, "[echeance.capi.usage] " + u.message);
        return ECHEANCE_USAGE;
    } catch (const error& e) {
        set_error(err, describe(e));
        return ECHEANCE_BAD_INPUT;
    } catch (const std::bad_alloc&) {
        set_error(err, "[echeance.capi.memory] out of memory");
        return ECHEANCE_BAD_INPUT;
    } catch (const std::exception& e) {
        set_error(err, std::string("[echeance.capi.internal] ") + e.what());
        return ECHEANCE_BAD_INPUT;
    } catch (...) {
        set_error(err, "[echeance.capi.internal] unknown exception");
        return ECHEANCE_BAD_INPUT;
    }
}

template <class T, class F>
T with_field(const char* field, F&& parse) {
    try {
        return parse();
    } catch (const error& e) {
        throw e.with_field(field);
    }
}

echeance::history_parser::format input_format(const char* name) {
    std::string_view n = name == nullptr ? "detect" : name;
    if (auto f = echeance::parse_history_format(n)) return *f;
    throw usage{"unknown input_format \"" + echeance::shorten(n) +
                "\" (expected jsonl, csv or detect)"};
}

echeance::report_output output_format(const char* name) {
    auto f = echeance::parse_report_output(need(name, "output"));
    if (!f)
        throw usage{"unknown output \"" + echeance::shorten(name) +
                    "\" (expected json, json-compact, summary, text or ics)"};
    return *f;
}

echeance::due_format due_output(const char* name) {
    auto f = echeance::parse_due_format(need(name, "output"));
    if (!f)
        throw usage{"unknown output \"" + echeance::shorten(name) + "\" (expected csv or json)"};
    return *f;
}

// The text out and the bad lines, as every report of histories returns them.
int hand_out(const std::string& rendered, const echeance::history_file& file, char** result,
             size_t* result_length, char** err) {
    char* copy = copy_out(rendered);
    if (copy == nullptr) throw std::bad_alloc();
    *result = copy;
    *result_length = rendered.size();
    if (file.errors.empty()) return ECHEANCE_OK;
    set_error(err, describe_all(file.errors));
    return ECHEANCE_BAD_INPUT;
}

echeance::convention convention_of(const char* name) {
    std::string_view n = name == nullptr ? "cpc" : name;
    if (n != "plain" && n != "cpc" && n != "eu")
        throw usage{"unknown convention \"" + echeance::shorten(n) +
                    "\" (expected plain, cpc or eu)"};
    return echeance::parse_convention(n);
}

} // namespace

extern "C" {

echeance_rules* echeance_rules_load(const char* path, char** err) {
    if (err != nullptr) *err = nullptr;
    echeance_rules* out = nullptr;
    guarded(err, [&] {
        echeance::load_result loaded = echeance::load_ruleset_file(need(path, "path"));
        if (!loaded.ok()) {
            set_error(err, describe_all(loaded.errors));
            return ECHEANCE_BAD_INPUT;
        }
        out = new echeance_rules{std::move(*loaded.rules), echeance::builtin_calendar()};
        return ECHEANCE_OK;
    });
    return out;
}

void echeance_rules_free(echeance_rules* rules) {
    delete rules;
}

namespace {

// The arguments echeance_replay and echeance_due share.
void require_history_args(const echeance_rules* rules, const char* history, size_t length,
                          char** result, size_t* result_length) {
    if (rules == nullptr) throw usage{"rules is NULL"};
    if (history == nullptr && length != 0) throw usage{"history is NULL"};
    if (result == nullptr) throw usage{"result is NULL"};
    if (result_length == nullptr) throw usage{"result_length is NULL"};
}

} // namespace

int echeance_replay(const echeance_rules* rules, const char* history, size_t length,
                    const char* input_format_name, const char* as_of, const char* output,
                    char** result, size_t* result_length, char** err) {
    if (err != nullptr) *err = nullptr;
    if (result != nullptr) *result = nullptr;
    if (result_length != nullptr) *result_length = 0;
    return guarded(err, [&] {
        require_history_args(rules, history, length, result, result_length);
        auto in = input_format(input_format_name);
        auto out = output_format(output);
        echeance::replay_options opt(with_field<echeance::year_month_day>(
            "as_of", [&] { return echeance::parse_date(need(as_of, "as_of")); }));

        std::string_view text =
            length == 0 ? std::string_view() : std::string_view(history, length);
        echeance::history_file file =
            echeance::parse_history(text, rules->rules, rules->cal, "<history>", in);
        echeance::replay_report report(rules->rules, rules->cal, out.format, false, out.compact);
        std::string rendered;
        echeance::render_replays(rules->rules, rules->cal, file, opt, report, rendered);
        return hand_out(rendered, file, result, result_length, err);
    });
}

int echeance_due(const echeance_rules* rules, const char* history, size_t length,
                 const char* input_format_name, const char* from, const char* to,
                 const char* output, char** result, size_t* result_length, char** err) {
    if (err != nullptr) *err = nullptr;
    if (result != nullptr) *result = nullptr;
    if (result_length != nullptr) *result_length = 0;
    return guarded(err, [&] {
        require_history_args(rules, history, length, result, result_length);
        auto in = input_format(input_format_name);
        auto out = due_output(output);
        auto first = with_field<echeance::year_month_day>(
            "from", [&] { return echeance::parse_date(need(from, "from")); });
        auto last = with_field<echeance::year_month_day>(
            "to", [&] { return echeance::parse_date(need(to, "to")); });
        echeance::due_report report(rules->rules, rules->cal, echeance::replay_options(first),
                                    first, last, out);

        std::string_view text =
            length == 0 ? std::string_view() : std::string_view(history, length);
        echeance::history_file file =
            echeance::parse_history(text, rules->rules, rules->cal, "<history>", in);
        std::string rendered;
        echeance::render_due(file, report, rendered);
        return hand_out(rendered, file, result, result_length, err);
    });
}

int echeance_deadline(const char* date, const char* period, const char* convention,
                      const char* territory, char out[11], char** err) {
    if (err != nullptr) *err = nullptr;
    return guarded(err, [&] {
        if (out == nullptr) throw usage{"out is NULL"};
        out[0] = '\0';
        auto rule = convention_of(convention);
        auto day = with_field<echeance::year_month_day>(
            "date", [&] { return echeance::parse_date(need(date, "date")); });
        auto length = with_field<echeance::period>(
            "period", [&] { return echeance::period::parse(need(period, "period")); });
        echeance::calendar cal = echeance::builtin_calendar();
        auto where = with_field<echeance::territory>(
            "territory", [&] { return cal.find(territory == nullptr ? "FR" : territory); });
        echeance::deadline d = echeance::compute_deadline(cal, day, length, rule, where);
        echeance::format_date(d.final_day, out);
        out[10] = '\0';
        return ECHEANCE_OK;
    });
}

void echeance_free(void* p) {
    std::free(p);
}

const char* echeance_version(void) {
    return ECHEANCE_VERSION;
}

} // extern "C"
