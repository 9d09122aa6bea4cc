// The Python module `echeance` (pybind11): a face over the core and the io layer, with no logic
// of its own. Stubs for type checkers: python/echeance.pyi.
#include "echeance/calendar.hpp"
#include "echeance/convention.hpp"
#include "echeance/echeance.h"
#include "echeance/engine.hpp"
#include "echeance/error.hpp"
#include "echeance/io/calendar.hpp"
#include "echeance/io/due.hpp"
#include "echeance/io/history.hpp"
#include "echeance/io/report.hpp"
#include "echeance/io/rules.hpp"
#include "echeance/period.hpp"
#include "echeance/ruleset.hpp"

#include <memory>
#include <optional>
#include <pybind11/pybind11.h>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace {

using echeance::error;

// Several errors at once: a rule file, or bad history lines (then the valid persons were
// replayed and `result` is their report).
struct failure {
    std::vector<error> errors;
    std::optional<std::string> result;
    bool json_lines = false; // the result is JSON Lines, returned as a list of dicts
};

// echeance.Error; owned by the module (a handle, so nothing is released after finalisation).
py::handle error_type;

// "[id] where: message", as the C API writes it.
std::string describe(const error& e) {
    std::string out = "[" + e.id() + "] ";
    if (!e.where().empty()) out += e.where().to_string() + ": ";
    return out + e.message();
}

py::object report_value(const std::string& text, bool json_lines);

void raise_error(const std::vector<error>& errors, py::object result) {
    py::list messages;
    std::string joined;
    for (const auto& e : errors) {
        messages.append(describe(e));
        joined += (joined.empty() ? "" : "\n") + describe(e);
    }
    py::object instance = error_type(joined);
    instance.attr("id") = errors.empty() ? std::string() : errors.front().id();
    instance.attr("errors") = messages;
    instance.attr("result") = std::move(result);
    PyErr_SetObject(error_type.ptr(), instance.ptr());
}

error usage(std::string message) {
    return error("echeance.python.usage", std::move(message));
}

// A day from "YYYY-MM-DD" or a datetime.date (a datetime.datetime is refused: which day it
// is depends on a time zone the caller must choose).
echeance::year_month_day to_day(const py::handle& value, const char* field) {
    py::module_ datetime = py::module_::import("datetime");
    if (py::isinstance<py::str>(value)) {
        try {
            return echeance::parse_date(value.cast<std::string>());
        } catch (const error& e) {
            throw e.with_field(field);
        }
    }
    if (py::isinstance(value, datetime.attr("date")) &&
        !py::isinstance(value, datetime.attr("datetime"))) {
        echeance::year_month_day d{date::year(value.attr("year").cast<int>()),
                                   date::month(value.attr("month").cast<unsigned>()),
                                   date::day(value.attr("day").cast<unsigned>())};
        echeance::require_in_range(d, field);
        return d;
    }
    throw py::type_error(std::string(field) + " must be a str (YYYY-MM-DD) or a datetime.date");
}

py::object to_python(echeance::year_month_day d) {
    return py::module_::import("datetime")
        .attr("date")(int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

template <class F>
auto with_field(const char* field, F&& parse) -> decltype(parse()) {
    try {
        return parse();
    } catch (const error& e) {
        throw e.with_field(field);
    }
}

py::object deadline(const py::object& day, const std::string& length, const std::string& rule,
                    const std::string& where) {
    auto start = to_day(day, "date");
    auto p = with_field("period", [&] { return echeance::period::parse(length); });
    auto c = with_field("convention", [&] { return echeance::parse_convention(rule); });
    echeance::calendar cal = echeance::builtin_calendar();
    auto t = with_field("territory", [&] { return cal.find(where); });
    return to_python(echeance::compute_deadline(cal, start, p, c, t).final_day);
}

py::object add(const py::object& day, const std::string& length, const std::string& policy) {
    auto start = to_day(day, "date");
    auto p = with_field("period", [&] { return echeance::period::parse(length); });
    auto m = with_field("month_end", [&] { return echeance::parse_month_end(policy); });
    return to_python(echeance::add(start, p, m));
}

py::list holidays(int year, const std::string& where) {
    if (year < echeance::min_year || year > echeance::max_year)
        throw error("echeance.date.out_of_range",
                    "year " + std::to_string(year) + " is outside " +
                        std::to_string(echeance::min_year) + ".." +
                        std::to_string(echeance::max_year),
                    echeance::location{"", 0, 0, "year"});
    echeance::calendar cal = echeance::builtin_calendar();
    auto t = with_field("territory", [&] { return cal.find(where); });
    py::list out;
    for (const auto& h : cal.holidays(t, date::year(year))) {
        py::dict d;
        d["date"] = to_python(h.day);
        d["id"] = h.id;
        d["name"] = h.name;
        d["name_fr"] = h.name_fr;
        d["cite"] = h.cite;
        out.append(std::move(d));
    }
    return out;
}

// A loaded rule set and the built-in calendar: immutable, shared by every replay.
struct rules {
    std::shared_ptr<const echeance::ruleset> set;
    echeance::calendar cal;
};

rules load(const std::string& path) {
    echeance::load_result loaded = echeance::load_ruleset_file(path);
    if (!loaded.ok()) throw failure{std::move(loaded.errors), std::nullopt};
    return rules{std::make_shared<const echeance::ruleset>(std::move(*loaded.rules)),
                 echeance::builtin_calendar()};
}

// JSON Lines from dicts; dates and datetimes as ISO 8601 text.
std::string jsonl_of(const py::iterable& items) {
    py::module_ json = py::module_::import("json");
    py::module_ datetime = py::module_::import("datetime");
    py::cpp_function iso([datetime](const py::object& value) -> py::object {
        if (py::isinstance(value, datetime.attr("date"))) return value.attr("isoformat")();
        throw py::type_error("cannot write " + py::repr(value).cast<std::string>() +
                             " in a history line");
    });
    std::string text;
    for (const auto& item : items) {
        if (!py::isinstance<py::dict>(item))
            throw py::type_error("history items must be dicts, got " +
                                 py::repr(item).cast<std::string>());
        text += json.attr("dumps")(item, py::arg("default") = iso).cast<std::string>();
        text += '\n';
    }
    return text;
}

py::object report_value(const std::string& text, bool json_lines) {
    if (!json_lines) return py::str(text);
    py::module_ json = py::module_::import("json");
    py::list persons;
    std::string_view rest(text);
    while (!rest.empty()) {
        std::size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        if (!line.empty()) persons.append(json.attr("loads")(py::str(line.data(), line.size())));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    return persons;
}

echeance::history_parser::format input_format(const std::string& name) {
    if (auto f = echeance::parse_history_format(name)) return *f;
    throw usage("unknown input_format \"" + echeance::shorten(name) +
                "\" (expected jsonl, csv or detect)");
}

// The text of a history given as str, bytes or an iterable of dicts (then JSON Lines).
std::string history_text(const py::object& history, echeance::history_parser::format& f) {
    if (py::isinstance<py::str>(history) || py::isinstance<py::bytes>(history))
        return history.cast<std::string>();
    if (!py::isinstance<py::iterable>(history))
        throw py::type_error("history must be str, bytes or an iterable of dicts");
    if (f == echeance::history_parser::format::csv)
        throw usage("a history of dicts is JSON Lines, not csv");
    f = echeance::history_parser::format::jsonl;
    return jsonl_of(history);
}

py::object replay(const rules& r, const py::object& history, const py::object& as_of,
                  const std::string& output, const std::string& input, bool as_text,
                  std::size_t first_line, const std::string& file_name) {
    if (first_line < 1) throw usage("first_line must be at least 1");
    auto out_format = echeance::parse_report_output(output);
    if (!out_format)
        throw usage("unknown output \"" + echeance::shorten(output) +
                    "\" (expected json, json-compact, summary, text or ics)");
    auto in_format = input_format(input);
    echeance::replay_options opt(to_day(as_of, "as_of"));
    std::string text = history_text(history, in_format);

    echeance::history_file file;
    std::string rendered;
    {
        py::gil_scoped_release unlocked; // the replay touches no Python object
        file = echeance::parse_history(text, *r.set, r.cal, file_name, in_format, first_line);
        echeance::replay_report report(*r.set, r.cal, out_format->format, false,
                                       out_format->compact);
        echeance::render_replays(*r.set, r.cal, file, opt, report, rendered);
    }
    bool json_lines = out_format->format == echeance::report_format::json && !as_text;
    if (!file.errors.empty()) throw failure{std::move(file.errors), rendered, json_lines};
    return report_value(rendered, json_lines);
}

py::object due(const rules& r, const py::object& history, const py::object& first,
               const py::object& last, const std::string& output, const std::string& input,
               bool as_text) {
    auto out_format = echeance::parse_due_format(output);
    if (!out_format)
        throw usage("unknown output \"" + echeance::shorten(output) + "\" (expected json or csv)");
    auto in_format = input_format(input);
    auto from = to_day(first, "first");
    auto to = last.is_none() ? from : to_day(last, "last");
    echeance::due_report report(*r.set, r.cal, echeance::replay_options(from), from, to,
                                *out_format);
    std::string text = history_text(history, in_format);

    echeance::history_file file;
    std::string rendered;
    {
        py::gil_scoped_release unlocked; // the replays touch no Python object
        file = echeance::parse_history(text, *r.set, r.cal, "<history>", in_format);
        echeance::render_due(file, report, rendered);
    }
    bool json_lines = *out_format == echeance::due_format::json && !as_text;
    if (!file.errors.empty()) throw failure{std::move(file.errors), rendered, json_lines};
    return report_value(rendered, json_lines);
}

} // namespace

PYBIND11_MODULE(echeance, m) {
    m.doc() = "Legal deadlines, retention dates and account lifecycles (French and EU law)";
    m.attr("__version__") = echeance_version();

    // A ValueError, so that callers catching bad values catch it too.
    error_type = PyErr_NewException("echeance.Error", PyExc_ValueError, nullptr);
    m.add_object("Error", error_type);
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const error& e) {
            raise_error({e}, py::none());
        } catch (const failure& f) {
            raise_error(f.errors, f.result ? report_value(*f.result, f.json_lines) : py::none());
        }
    });

    m.def("deadline", &deadline, py::arg("date"), py::arg("period"), py::arg("convention") = "cpc",
          py::arg("territory") = "FR",
          "The last day of `period` from `date` under a counting convention (plain, cpc, eu).");
    m.def("add", &add, py::arg("date"), py::arg("period"), py::arg("month_end") = "clamp",
          "`date` + `period`, plain arithmetic; month_end: clamp, overflow or reject.");
    m.def("holidays", &holidays, py::arg("year"), py::arg("territory") = "FR",
          "The public holidays of a year in a territory: dicts of date, id, name, name_fr, cite.");

    py::class_<rules>(m, "Rules", "A rule set loaded from a folder or a ruleset.json; immutable.")
        .def(py::init(&load), py::arg("path"))
        .def_property_readonly("id", [](const rules& r) { return r.set->id; })
        .def_property_readonly("title", [](const rules& r) { return r.set->title; })
        .def("replay", &replay, py::arg("history"), py::arg("as_of"), py::arg("output") = "json",
             py::arg("input_format") = "detect", py::arg("as_text") = false,
             py::arg("first_line") = 1, py::arg("file_name") = "<history>",
             "Replays every person of a history as known on `as_of`; json: a list of dicts "
             "(with as_text, the JSON Lines as the command line prints them); json-compact: "
             "the same without the members whose value is null, \"\", [] or {}. first_line and "
             "file_name: where the text is in a larger file (line numbers of reports, errors).")
        .def("due", &due, py::arg("history"), py::arg("first"), py::arg("last") = py::none(),
             py::arg("output") = "json", py::arg("input_format") = "detect",
             py::arg("as_text") = false,
             "Every action due from `first` to `last` (both included; default: `first`), "
             "person by person; json: a list of dicts, csv: the text (docs/due.md).");
}
