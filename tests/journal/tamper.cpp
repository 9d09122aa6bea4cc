// Tampering: change, delete, insert or swap any stored row, and verify names the entry.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <echeance/io/journal.hpp>
#include <openssl/evp.h>

using namespace echeance;
using namespace echeance::testing;

namespace {

std::string sha256_hex(const std::string& data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(data.data(), data.size(), out, &n, EVP_sha256(), nullptr);
    std::string hex;
    for (unsigned i = 0; i < n; ++i) hex += fmt::format("{:02x}", out[i]);
    return hex;
}

// A journal of 6 events (entries 1..6) and the receipts of its append.
std::string fresh(std::vector<journal_receipt>* receipts = nullptr) {
    std::string db = temp_dir() + "/j.db";
    journal j(db, journal::mode::create);
    auto r = j.append(generated_history(4), "h.jsonl", mes(), cal());
    REQUIRE(r.receipts.size() == 6);
    if (receipts) *receipts = r.receipts;
    return db;
}

// The first problem verify names: "id entry N", or "" when intact.
std::string verdict(const std::string& db) {
    journal j(db, journal::mode::open);
    auto v = j.verify();
    if (!v.problem) return "";
    return v.problem->id() + " " + v.problem->where().field;
}

} // namespace

TEST_CASE("an intact journal verifies, and its chain is the documented one") {
    std::string db = fresh();
    CHECK(verdict(db) == "");
    // chain_1 = SHA-256(bytes(SHA-256("")) || bytes(hash_1)), hash_1 = SHA-256(canonical_1).
    std::string canonical = sql_value(db, "SELECT canonical FROM entries WHERE entry=1");
    std::string hash = sha256_hex(canonical);
    CHECK(sql_value(db, "SELECT hash FROM entries WHERE entry=1") == hash);
    auto bytes = [](const std::string& hex) {
        std::string b;
        for (std::size_t i = 0; i < hex.size(); i += 2)
            b += char(std::stoi(hex.substr(i, 2), nullptr, 16));
        return b;
    };
    CHECK(sql_value(db, "SELECT chain FROM entries WHERE entry=1") ==
          sha256_hex(bytes(sha256_hex("")) + bytes(hash)));
    CHECK(canonical.rfind("{\"entry\":1,\"stored_at\":\"", 0) == 0);
    CHECK(canonical.find(",\"kind\":\"event\",\"event\":{\"person\":\"p0\",\"at\":\"2022-01-01\","
                         "\"event\":\"information_sent\",\"role\":\"cnam\"}}") !=
          std::string::npos);
}

TEST_CASE("verify names the first altered, removed, inserted or reordered entry") {
    SECTION("content changed") {
        std::string db = fresh();
        sql(db, "UPDATE entries SET canonical=replace(canonical,'holder','cnam') WHERE entry=2");
        CHECK(verdict(db) == "echeance.journal.altered entry 2");
    }
    SECTION("content changed and its hash recomputed") {
        std::string db = fresh();
        std::string c = sql_value(db, "SELECT canonical FROM entries WHERE entry=4");
        c.replace(c.find("2022"), 4, "2021");
        sql(db, fmt::format("UPDATE entries SET canonical='{}', hash='{}' WHERE entry=4", c,
                            sha256_hex(c)));
        CHECK(verdict(db) == "echeance.journal.chain entry 4");
    }
    SECTION("a column changed") {
        std::string db = fresh();
        sql(db, "UPDATE entries SET person='someone else' WHERE entry=2");
        CHECK(verdict(db) == "echeance.journal.altered entry 2");
        std::string db2 = fresh();
        sql(db2, "UPDATE entries SET chain=hash WHERE entry=5");
        CHECK(verdict(db2) == "echeance.journal.chain entry 5");
    }
    SECTION("a row deleted") {
        std::string db = fresh();
        sql(db, "DELETE FROM entries WHERE entry=2");
        CHECK(verdict(db) == "echeance.journal.removed entry 2");
        std::string first = fresh();
        sql(first, "DELETE FROM entries WHERE entry=1");
        CHECK(verdict(first) == "echeance.journal.removed entry 1");
        std::string last = fresh();
        sql(last, "DELETE FROM entries WHERE entry=6");
        CHECK(verdict(last) == "echeance.journal.removed entry 6");
    }
    SECTION("a row inserted, the later ones renumbered") {
        std::string db = fresh();
        sql(db, "UPDATE entries SET entry=entry+100 WHERE entry>=3;"
                "UPDATE entries SET entry=entry-99 WHERE entry>=100");
        // A forged opposition, well formed and with its own hash, slipped in as entry 3.
        std::string c = sql_value(db, "SELECT canonical FROM entries WHERE entry=2");
        c.replace(c.find("\"entry\":2"), 9, "\"entry\":3");
        c.replace(c.find("2022-01-08"), 10, "2022-01-09");
        sql(db, fmt::format("INSERT INTO entries SELECT 3, kind, person, 'forged', stored_at, "
                            "'{}', '{}', chain, NULL FROM entries WHERE entry=2",
                            c, sha256_hex(c)));
        CHECK(verdict(db) == "echeance.journal.chain entry 3");
    }
    SECTION("a row appended behind the journal's back, with a correct chain") {
        std::string db = fresh();
        std::string c = sql_value(db, "SELECT canonical FROM entries WHERE entry=6");
        c.replace(c.find("\"entry\":6"), 9, "\"entry\":7");
        std::string hash = sha256_hex(c);
        auto bytes = [](const std::string& hex) {
            std::string b;
            for (std::size_t i = 0; i < hex.size(); i += 2)
                b += char(std::stoi(hex.substr(i, 2), nullptr, 16));
            return b;
        };
        std::string chain = sha256_hex(
            bytes(sql_value(db, "SELECT chain FROM entries WHERE entry=6")) + bytes(hash));
        sql(db, fmt::format("INSERT INTO entries SELECT 7, kind, person, 'x', stored_at, '{}', "
                            "'{}', '{}', NULL FROM entries WHERE entry=6",
                            c, hash, chain));
        CHECK(verdict(db) == "echeance.journal.inserted entry 7");
    }
    SECTION("two rows swapped") {
        std::string db = fresh();
        sql(db, "UPDATE entries SET entry=100 WHERE entry=2; UPDATE entries SET entry=2 WHERE "
                "entry=3; UPDATE entries SET entry=3 WHERE entry=100");
        CHECK(verdict(db) == "echeance.journal.reordered entry 2");
    }
}

TEST_CASE("a receipt is proved by an intact entry, and not by a changed one") {
    std::vector<journal_receipt> receipts;
    std::string db = fresh(&receipts);
    std::string text;
    for (const auto& r : receipts) text += to_json_line(r);
    {
        journal j(db, journal::mode::open);
        auto v = j.verify({{"r.jsonl", text}});
        CHECK(v.ok());
        CHECK(v.receipts == 6);
    }
    journal_receipt forged = receipts[2];
    forged.entry = 40;
    std::string bad = to_json_line(receipts[0]) + to_json_line(forged) + "not a receipt\n";
    sql(db, "UPDATE entries SET hash='forged' WHERE entry=1");
    journal j(db, journal::mode::open);
    auto v = j.verify({{"r.jsonl", bad}});
    REQUIRE(v.receipt_errors.size() == 3);
    CHECK(v.receipt_errors[0].id() == "echeance.journal.receipt_mismatch");
    CHECK(v.receipt_errors[0].message().find("(hash)") != std::string::npos);
    CHECK(v.receipt_errors[0].where().line == 1);
    CHECK(v.receipt_errors[1].id() == "echeance.journal.receipt_missing");
    CHECK(v.receipt_errors[2].id() == "echeance.journal.receipt");
    CHECK(v.receipt_errors[2].where().line == 3);
}
