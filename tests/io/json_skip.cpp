// skip_json_value ends exactly where a JSON value ends, whatever the value: the sweep's person
// scan and the journal's id removal stand on it.
#include "detail/json_skip.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <rapidcheck.h>
#include <rapidcheck/catch.h>
#include <string>

using echeance::detail::skip_json_value;

namespace {

// Where the value at the start of `s` ends (its length), or -1 when it does not.
long skipped(const std::string& s) {
    const char* e = skip_json_value(s.data(), s.data() + s.size());
    return e ? long(e - s.data()) : -1;
}

// A JSON value of depth at most `depth`, strings with quotes, backslashes and brackets in them.
rc::Gen<nlohmann::json> value(int depth) {
    auto text = rc::gen::container<std::string>(
        rc::gen::element('a', '"', '\\', '{', '}', '[', ']', ',', ' ', '\n', 'e'));
    auto scalar = rc::gen::oneOf(
        rc::gen::map(text, [](std::string t) { return nlohmann::json(t); }),
        rc::gen::map(rc::gen::arbitrary<int>(), [](int i) { return nlohmann::json(i); }),
        rc::gen::element(nlohmann::json(true), nlohmann::json(nullptr)));
    if (depth == 0) return scalar;
    // At most four members a level: containers of RapidCheck's own sizes (up to 100) nested
    // three deep made a case of a million values (70 s for 1,000 cases, minutes with ASan).
    auto count = rc::gen::inRange<std::size_t>(0, 5);
    auto inner = value(depth - 1);
    return rc::gen::oneOf(
        scalar,
        rc::gen::mapcat(count,
                        [inner](std::size_t n) {
                            return rc::gen::map(
                                rc::gen::container<std::vector<nlohmann::json>>(n, inner),
                                [](std::vector<nlohmann::json> v) { return nlohmann::json(v); });
                        }),
        rc::gen::mapcat(count, [inner, text](std::size_t n) {
            return rc::gen::map(
                rc::gen::container<std::vector<std::pair<std::string, nlohmann::json>>>(
                    n, rc::gen::pair(text, inner)),
                [](std::vector<std::pair<std::string, nlohmann::json>> v) {
                    nlohmann::json o = nlohmann::json::object();
                    for (auto& m : v) o[m.first] = std::move(m.second);
                    return o;
                });
        }));
}

} // namespace

TEST_CASE("json_skip: the end of each kind of value") {
    CHECK(skipped(R"("a\"b",1)") == 6);
    CHECK(skipped(R"("a\\",1)") == 5);
    CHECK(skipped(R"({"a":["}",{"b":"]"}]},2)") == 21);
    CHECK(skipped("123}") == 3);
    CHECK(skipped("true ,") == 4);
    CHECK(skipped("null\t") == 4);
    CHECK(skipped("}") == 0); // an empty scalar: the caller finds no value there
    CHECK(skipped("") == -1);
    CHECK(skipped(R"("open)") == -1);
    CHECK(skipped(R"("ends in a backslash\)") == -1);
    CHECK(skipped(R"({"a":[1,2}],3)") == 11); // brackets counted, not matched: the parser judges
    CHECK(skipped(R"([1,{"a":2})") == -1);
}

TEST_CASE("json_skip: a dumped value followed by more is skipped to its last byte") {
    rc::prop("skip_json_value ends where nlohmann's dump does", [] {
        nlohmann::json v = *value(3);
        std::string dumped = v.dump();
        std::string rest = *rc::gen::element(std::string(",\"x\":1}"), std::string("}"),
                                             std::string(" ,"), std::string("]"));
        RC_ASSERT(skipped(dumped + rest) == long(dumped.size()));
    });
}
