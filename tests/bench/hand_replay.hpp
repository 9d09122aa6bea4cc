// The Mon espace santé rules written by hand in C++ (no rule file read at replay time): the
// baseline the generic engine is measured against, shared by the replay benchmark (engine.cpp)
// and the end-to-end baseline (baseline.cpp).
#pragma once

#include <algorithm>
#include <echeance/convention.hpp>
#include <echeance/engine.hpp>
#include <optional>
#include <utility>
#include <vector>

namespace echeance::bench {

enum st : std::uint8_t {
    none,
    notified,
    opposed,
    open,
    active,
    suspended,
    closed,
    deleted,
    deceased
};

struct hand_result {
    st state = none;
    std::vector<std::pair<st, year_month_day>> timeline;
    struct obligation {
        std::uint8_t kind;
        year_month_day due;
        bool discharged;
    };
    std::vector<obligation> obligations; // kind 0: closure_on_request, 1: deletion_on_request
    std::uint32_t rejected = 0;
    // The deadlines as of as_of (docs/replay.md, "deadlines"), for the summary: the last day of
    // each open window whose count has started (opposition_window,
    // suspension_opposition_window, activation_code_window: rule order) ...
    std::optional<year_month_day> window_last[3];
    // ... of each armed timer (automatic_creation, closure_ex_officio, dmp_transition) ...
    std::optional<year_month_day> timer_last[3];
    // ... and the purge day of the running archive (ens_archive).
    std::optional<year_month_day> purge_on;
};

class hand_replay {
public:
    hand_replay(const ruleset& rules, const calendar& cal) : cal_(cal) {
        auto e = [&](const char* id) { return rules.find_event(id); };
        ev_info_sent = e("information_sent");
        ev_info_recv = e("information_received");
        ev_opposition = e("opposition");
        ev_creation = e("creation_request");
        ev_code = e("provisional_code_issued");
        ev_activation = e("activation");
        ev_closure_req = e("closure_request");
        ev_closure = e("closure");
        ev_del_req = e("deletion_request");
        ev_deleted = e("data_deleted");
        ev_reopen = e("reopening");
        ev_susp = e("suspension");
        ev_susp_info = e("suspension_information_sent");
        ev_susp_opp = e("suspension_opposition");
        ev_susp_lift = e("suspension_lifted");
        ev_death = e("death");
        ev_item = e("item_deleted");
        ev_dmp_kept = e("dmp_kept");
        ev_repr = e("representation_ended");
        ev_protect = e("protection_started");
        ev_care = e("confidential_care_hidden");
        ev_dmp_folded = e("dmp_folded");
        auto r = [&](const char* id) { return rules.find_role(id); };
        holder = r("holder");
        repr = r("representative");
        cnam = r("cnam");
        operator_ = r("operator");
        first_version = rules.versions.front().from;
    }

    void run(const history& h, year_month_day as_of, hand_result& out) {
        out.state = none;
        out.timeline.clear();
        out.obligations.clear();
        out.rejected = 0;
        out.timeline.emplace_back(none, year_month_day{});
        r_ = &out;
        opp = susp = code = window{};
        susp_counted = false;
        auto_timer = exo_timer = dmp_timer = false;
        archive = retention{};
        order.clear();
        // The pilot (décret 2021-1048 art. 2) only for the funds of 31, 44 and 80.
        const std::string& dep = h.department;
        pilot = dep == "31" || dep == "44" || dep == "80";
        born = h.born;
        if (born) adult = add(*born, period::parse("P18Y"), month_end::overflow);
        cond_on.reset();
        flagged_order(h, as_of);
        for (auto i : order) {
            const history_event& e = h.events[i];
            fire(e.day);
            event(e);
        }
        fire(as_of);
        deadlines(as_of);
    }

private:
    struct window {
        bool open = false;
        year_month_day last;
    };
    struct retention {
        std::uint8_t status = 0; // 0 none, 1 archived, 2 restored, 3 purged
        year_month_day last;
    };
    const calendar& cal_;
    event_id ev_info_sent, ev_info_recv, ev_opposition, ev_creation, ev_code, ev_activation,
        ev_closure_req, ev_closure, ev_del_req, ev_deleted, ev_reopen, ev_susp, ev_susp_info,
        ev_susp_opp, ev_susp_lift, ev_death, ev_item, ev_dmp_kept, ev_repr, ev_protect, ev_care,
        ev_dmp_folded;
    role_id holder, repr, cnam, operator_;
    year_month_day first_version;
    hand_result* r_ = nullptr;
    window opp, susp, code;
    bool susp_counted = false; // the six weeks of the suspension have started
    bool auto_timer = false, exo_timer = false, dmp_timer = false;
    year_month_day dmp_last;
    retention archive;
    std::vector<std::uint32_t> order;
    bool pilot = false;
    std::optional<year_month_day> born, cond_on;
    year_month_day adult;
    bool cond_value = false;

    year_month_day last_day(year_month_day start, const char* p, convention c, territory t) {
        static const period p6w = period::parse("P6W"), p3m = period::parse("P3M"),
                            p10y = period::parse("P10Y"), p3y = period::parse("P3Y"),
                            p0d = period::parse("P0D");
        const period& len = p[1] == '6'   ? p6w
                            : p[1] == '3' ? (p[2] == 'M' ? p3m : p3y)
                            : p[1] == '1' ? p10y
                                          : p0d;
        return compute_deadline(cal_, start, len, c, t).final_day;
    }
    static year_month_day next(year_month_day d) {
        return year_month_day(sys_days(d) + date::days(1));
    }
    bool open_on(const window& w, year_month_day d) const { return w.open && d <= w.last; }
    // "represented" on a day: 1 yes, 0 no, -1 unknown (CSP R.1111-32, C. civ. 414).
    int represented(year_month_day d) const {
        int v = -1;
        std::optional<year_month_day> since;
        if (born && *born <= d) {
            v = adult <= d ? 0 : 1;
            since = adult <= d ? adult : *born;
        }
        if (cond_on && (!since || *cond_on >= *since)) v = cond_value ? 1 : 0;
        return v;
    }
    void enter(st s, year_month_day d) {
        if (s == r_->state) return;
        r_->state = s;
        r_->timeline.emplace_back(s, d);
        if (s == deceased) {
            opp.open = susp.open = code.open = false;
            auto_timer = exo_timer = dmp_timer = false;
        }
    }
    void archive_now(year_month_day d, territory t) {
        if (archive.status == 1) return;
        archive.status = 1;
        archive.last = last_day(d, "P10Y", convention::plain, t);
    }
    void discharge(std::uint8_t kind) {
        for (auto& o : r_->obligations)
            if (o.kind == kind) o.discharged = true;
    }
    bool pending(std::uint8_t kind) const {
        for (const auto& o : r_->obligations)
            if (o.kind == kind && !o.discharged) return true;
        return false;
    }
    // kind 0: closure on request (one at a time); kind 1: deletion (each request its own).
    void oblige(std::uint8_t kind, year_month_day d, territory t) {
        if (kind == 0 && pending(0)) return;
        r_->obligations.push_back(
            {kind, last_day(d, kind ? "P3M" : "P0D", convention::plain, t), false});
    }

    void fire(year_month_day limit) {
        for (;;) {
            int which = -1;
            year_month_day best = limit;
            auto consider = [&](bool on, year_month_day last, int w) {
                if (on && last < limit && (which < 0 || last < best)) {
                    which = w;
                    best = last;
                }
            };
            consider(auto_timer && opp.open, opp.last, 0);
            consider(exo_timer && susp.open && susp_counted, susp.last, 1);
            consider(archive.status == 1, archive.last, 2);
            consider(dmp_timer, dmp_last, 3);
            if (which < 0) return;
            year_month_day day = next(best);
            if (which == 0) {
                auto_timer = false;
                if (r_->state == notified) enter(open, day);
            } else if (which == 1) {
                exo_timer = false;
                if (r_->state == suspended) {
                    enter(closed, day);
                    archive_now(day, territory());
                }
            } else if (which == 2) {
                archive.status = 3;
                discharge(1); // the purge ends every deletion request
                if (r_->state == closed) enter(deleted, day);
            } else {
                dmp_timer = false; // the DMP closed: no change of state
            }
        }
    }

    void deadlines(year_month_day as_of) {
        auto& o = *r_;
        o.window_last[0] = open_on(opp, as_of) ? std::optional(opp.last) : std::nullopt;
        o.window_last[1] =
            susp_counted && open_on(susp, as_of) ? std::optional(susp.last) : std::nullopt;
        o.window_last[2] = open_on(code, as_of) ? std::optional(code.last) : std::nullopt;
        o.timer_last[0] = auto_timer && opp.open ? std::optional(opp.last) : std::nullopt;
        o.timer_last[1] =
            exo_timer && susp.open && susp_counted ? std::optional(susp.last) : std::nullopt;
        o.timer_last[2] = dmp_timer ? std::optional(dmp_last) : std::nullopt;
        o.purge_on = archive.status == 1 ? std::optional(next(archive.last)) : std::nullopt;
    }

    void flagged_order(const history& h, year_month_day as_of) {
        std::optional<year_month_day> max;
        for (std::uint32_t i = 0; i < h.events.size(); ++i) {
            const auto& e = h.events[i];
            if (max && e.day < *max) {
                ++r_->rejected;
                continue;
            }
            max = e.day;
            if (e.day <= as_of) order.push_back(i);
        }
        for (std::size_t a = 0; a < order.size();) {
            std::size_t b = a + 1;
            while (b < order.size() && h.events[order[b]].day == h.events[order[a]].day) ++b;
            bool all_seq = true, all_time = true;
            for (std::size_t k = a; k < b; ++k) {
                all_seq = all_seq && h.events[order[k]].seq >= 0;
                all_time = all_time && h.events[order[k]].time >= 0;
            }
            if (b - a > 1 && (all_seq || all_time))
                std::stable_sort(
                    order.begin() + std::ptrdiff_t(a), order.begin() + std::ptrdiff_t(b),
                    [&](std::uint32_t x, std::uint32_t y) {
                        const auto &ex = h.events[x], &ey = h.events[y];
                        return std::make_pair(all_time ? ex.time : 0, all_seq ? ex.seq : 0) <
                               std::make_pair(all_time ? ey.time : 0, all_seq ? ey.seq : 0);
                    });
            a = b;
        }
    }

    void event(const history_event& e) {
        st s = r_->state;
        const event_id ev = e.event;
        const role_id ro = e.role;
        const year_month_day d = e.day;
        auto reject = [&] { ++r_->rejected; };
        static const year_month_day general(date::year(2022), date::month(1), date::day(1));
        if (ev == no_index || ro == no_index || d < first_version || (d < general && !pilot))
            return reject();
        const bool person = ro == holder || ro == repr;
        // The role's condition, checked after its role list (as the engine does).
        auto allowed = [&](bool roles_ok, bool regardless = false) {
            if (!roles_ok) return false;
            if (regardless) return true;
            int rep = represented(d);
            if (ro == holder && rep == 1) return false;
            if (ro == repr && rep == 0) return false;
            return true;
        };
        const bool actor = allowed(person);
        if (ev == ev_info_sent) {
            if (ro != cnam || (s != none && s != notified)) return reject();
            enter(notified, d);
            opp = {true, last_day(d, "P6W", convention::cpc, e.where)};
            auto_timer = true;
        } else if (ev == ev_info_recv) {
            if (!allowed(person || ro == cnam || ro == operator_) ||
                (s != notified && s != opposed && s != open && s != active))
                return reject();
        } else if (ev == ev_opposition) {
            if (!actor) return reject();
            if (s == none || (s == notified && open_on(opp, d))) {
                enter(opposed, d);
                opp.open = false;
                auto_timer = false;
                code.open = false;
            } else {
                return reject();
            }
        } else if (ev == ev_creation) {
            if (!actor || (s != none && s != notified && s != opposed)) return reject();
            enter(open, d);
            opp.open = false;
            auto_timer = false;
            dmp_timer = false; // the DMP is folded into the space
        } else if (ev == ev_code) {
            if (!allowed(person || ro == operator_) || (s != notified && s != open))
                return reject();
            code = {true, last_day(d, "P6W", convention::plain, e.where)};
        } else if (ev == ev_activation) {
            if (!actor || (s != open && s != notified)) return reject();
            if (s == notified) { // accepting early (rule 4a)
                opp.open = false;
                auto_timer = false;
            }
            enter(active, d);
            code.open = false;
        } else if (ev == ev_closure_req) {
            if (!actor || (s != open && s != active && s != suspended)) return reject();
            oblige(0, d, e.where);
        } else if (ev == ev_closure) {
            if (!allowed(person || ro == operator_) || (s != open && s != active && s != suspended))
                return reject();
            if (ro == operator_ && !pending(0)) return reject(); // only on a request
            enter(closed, d);
            archive_now(d, e.where);
            exo_timer = false;
            susp.open = false;
            code.open = false;
            discharge(0);
        } else if (ev == ev_del_req) {
            if (!actor) return reject();
            if (s != closed && !((s == open || s == active || s == suspended) && pending(0)))
                return reject();
            oblige(1, d, e.where);
        } else if (ev == ev_deleted) {
            if (ro != operator_ || (s != closed && s != deceased) || !pending(1)) return reject();
            enter(s == closed ? deleted : deceased, d);
            if (archive.status == 1) archive.status = 3;
            discharge(1);
        } else if (ev == ev_reopen) {
            if (!actor || (s != closed && s != deleted)) return reject();
            enter(open, d);
            if (archive.status == 1) archive.status = 2;
            discharge(1);
        } else if (ev == ev_susp) {
            if (ro != cnam || (s != open && s != active)) return reject();
            enter(suspended, d);
            susp = {true, d};
            susp_counted = false;
            exo_timer = true;
        } else if (ev == ev_susp_info) {
            if (ro != cnam || s != suspended) return reject();
            if (susp.open && !susp_counted) {
                susp.last = last_day(d, "P6W", convention::cpc, e.where);
                susp_counted = true;
            }
        } else if (ev == ev_susp_opp) {
            if (!actor || s != suspended || !susp.open || (susp_counted && d > susp.last))
                return reject();
            susp.open = false;
            exo_timer = false;
        } else if (ev == ev_susp_lift) {
            if (ro != cnam || s != suspended) return reject();
            enter(r_->timeline[r_->timeline.size() - 2].first, d); // back to the state before
            susp.open = false;
            exo_timer = false;
        } else if (ev == ev_death) {
            if ((ro != cnam && ro != operator_) || s == deceased) return reject();
            enter(deceased, d);
            if (s == open || s == active || s == suspended) archive_now(d, e.where);
        } else if (ev == ev_item || ev == ev_care) {
            bool ok = ev == ev_item ? actor : ro == holder;
            if (!ok || (s != open && s != active)) return reject();
        } else if (ev == ev_dmp_kept) {
            if (ro != cnam || s != opposed) return reject();
            dmp_timer = true;
            dmp_last = year_month_day(date::year(2024), date::month(12), date::day(31));
        } else if (ev == ev_repr || ev == ev_protect) {
            bool roles_ok = ev == ev_repr ? (person || ro == cnam) : (ro == repr || ro == cnam);
            if (!allowed(roles_ok, ev == ev_protect && ro == repr) || s == deceased)
                return reject();
            cond_on = d;
            cond_value = ev == ev_protect;
        } else if (ev == ev_dmp_folded) {
            if (ro != cnam || (s != open && s != active)) return reject();
        } else {
            return reject(); // automatic events in a history
        }
    }
};

} // namespace echeance::bench
