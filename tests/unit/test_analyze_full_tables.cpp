// Full tables (docs/report.md, "Capture"): floods of stations, flows, BSSes and EAP sessions must not turn a
// failing segment into a pass. Every capture is built here frame by frame and fed through the one Analysis.
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analyze/analysis.hpp"
#include "analyze/inspect.hpp"
#include "analyze/inventory.hpp"

using namespace isoprobe;
using namespace isoprobe::analyze;
using namespace isoprobe::model;
using Bytes8 = std::vector<std::uint8_t>;

namespace {

MacAddr mac(std::uint8_t a, std::uint32_t n) {
    return MacAddr{{0x02, a, static_cast<std::uint8_t>(n >> 24), static_cast<std::uint8_t>(n >> 16),
                    static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)}};
}

void put(Bytes8& b, const MacAddr& m) {
    b.insert(b.end(), m.b.begin(), m.b.end());
}

void put16(Bytes8& b, std::uint32_t v) {
    b.push_back(static_cast<std::uint8_t>(v >> 8));
    b.push_back(static_cast<std::uint8_t>(v));
}

// An IPv4 ICMP echo request (RFC 792) with a correct header checksum.
Bytes8 icmp_echo(std::uint32_t src, std::uint32_t dst) {
    Bytes8 ip{0x45, 0x00, 0x00, 28, 0x00, 0x01, 0x00, 0x00, 64, 1, 0x00, 0x00};
    for (auto a : {src, dst})
        for (int shift = 24; shift >= 0; shift -= 8)
            ip.push_back(static_cast<std::uint8_t>(a >> shift));
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < ip.size(); i += 2)
        sum += static_cast<std::uint32_t>(ip[i] << 8 | ip[i + 1]);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    ip[10] = static_cast<std::uint8_t>(~sum >> 8);
    ip[11] = static_cast<std::uint8_t>(~sum);
    ip.insert(ip.end(), {0x08, 0x00, 0xf7, 0xfe, 0x00, 0x01, 0x00, 0x00});
    return ip;
}

std::uint32_t v4(std::uint32_t host) {
    return 0xc6336400u | (host & 0xff);
} // 198.51.100.x

// An 802.11 data frame carrying IPv4 (IEEE 802.11-2020 9.3.2.1; LLC/SNAP, RFC 1042).
Bytes8 dot11_data(bool to_ds, bool from_ds, const MacAddr& a1, const MacAddr& a2, const MacAddr& a3,
                  const Bytes8& ip) {
    Bytes8 b{0x08, static_cast<std::uint8_t>((to_ds ? 1 : 0) | (from_ds ? 2 : 0)), 0, 0};
    put(b, a1);
    put(b, a2);
    put(b, a3);
    b.insert(b.end(), {0x00, 0x00, 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x08, 0x00});
    b.insert(b.end(), ip.begin(), ip.end());
    return b;
}

// RSN element: CCMP-128 group and pairwise, one AKM (1: 802.1X).
Bytes8 rsn(std::uint8_t akm) {
    return {0x30, 0x14, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00,
            0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, akm,  0x00, 0x00};
}

// A beacon of `ssid`; with no RSN element and the privacy bit clear, an open network.
Bytes8 beacon(const MacAddr& bssid, const std::string& ssid, const Bytes8& rsn_element) {
    Bytes8 b{0x80, 0x00, 0x00, 0x00};
    put(b, *MacAddr::parse("ff:ff:ff:ff:ff:ff"));
    put(b, bssid);
    put(b, bssid);
    b.insert(b.end(), {0x00, 0x00});
    b.insert(b.end(), 8, 0x00);
    std::uint8_t capability = rsn_element.empty() ? 0x01 : 0x11;
    b.insert(b.end(), {0x64, 0x00, capability, 0x00, 0x00, static_cast<std::uint8_t>(ssid.size())});
    b.insert(b.end(), ssid.begin(), ssid.end());
    b.insert(b.end(), rsn_element.begin(), rsn_element.end());
    b.insert(b.end(), {0x03, 0x01, 0x06});
    return b;
}

// An EAPOL frame on Ethernet (IEEE 802.1X-2010 11.3) carrying one EAP packet (RFC 3748 4).
Bytes8 eap(const MacAddr& src, const MacAddr& dst, std::uint8_t code, std::uint8_t id,
           const Bytes8& type_data) {
    Bytes8 b;
    put(b, dst);
    put(b, src);
    b.insert(b.end(), {0x88, 0x8e, 0x02, 0x00});
    auto length = static_cast<std::uint32_t>(4 + type_data.size());
    put16(b, length);
    b.insert(b.end(), {code, id});
    put16(b, length);
    b.insert(b.end(), type_data.begin(), type_data.end());
    return b;
}

struct Capture {
    explicit Capture(std::shared_ptr<const Inventory> with = nullptr)
        : analysis({}, with), inventory(std::move(with)) {}
    Analysis analysis;
    std::shared_ptr<const Inventory> inventory;
    std::uint64_t number = 0;

    void send(capture::LinkType link, const Bytes8& bytes) {
        capture::Frame f;
        f.number = ++number;
        f.ts_ns = static_cast<std::int64_t>(number) * 1000;
        f.link_type = static_cast<std::uint32_t>(link);
        f.orig_len = static_cast<std::uint32_t>(bytes.size());
        f.bytes = Bytes(bytes.data(), bytes.size());
        analysis.feed(f);
    }
    void air(const Bytes8& bytes) { send(capture::LinkType::ieee802_11, bytes); }
    void wire(const Bytes8& bytes) { send(capture::LinkType::ethernet, bytes); }

    // One EAP exchange between `sup` and `auth`: identity, the method offered and answered, then Success.
    void authenticate(const MacAddr& sup, const MacAddr& auth, std::uint8_t method, std::uint8_t first_id) {
        auto id = first_id;
        wire(eap(auth, sup, 1, id, {1}));
        wire(eap(sup, auth, 2, id, {1, 'u'}));
        ++id;
        Bytes8 request = method == 13 ? Bytes8{13, 0x20} : Bytes8{method, 16};
        Bytes8 response = method == 13 ? Bytes8{13, 0x00} : Bytes8{method, 16};
        if (method != 13) {
            request.insert(request.end(), 16, 0xab);
            response.insert(response.end(), 16, 0xcd);
        }
        wire(eap(auth, sup, 1, id, request));
        wire(eap(sup, auth, 2, id, response));
        wire(eap(auth, sup, 3, id, {}));
    }

    // `survey_with`: an inventory the survey uses that the analysis was not given (its full BSS table kept no
    // BSS for it).
    model::Report finish(const Inventory* survey_with = nullptr) {
        model::Report rep;
        judge_capture(analysis, survey_with ? survey_with : inventory.get(), rep);
        return rep;
    }
};

const model::Requirement& requirement(const model::Report& rep, const std::string& id) {
    for (const auto& r : rep.requirements)
        if (r.id == id) return r;
    FAIL("no requirement " << id);
    return rep.requirements.front();
}

const FullTable* full(const model::Report& rep, const std::string& table) {
    for (const auto& t : rep.capture.full_tables)
        if (t.table == table) return &t;
    return nullptr;
}

bool mentions(const model::Requirement& r, const std::string& words) {
    for (const auto& why : r.reasons)
        if (model::english(why).find(words) != std::string::npos) return true;
    return false;
}

const MacAddr k_ap = mac(0xa0, 1);

// Each station tries to reach the one before it through the AP, unanswered and not relayed: attempts, so that
// terminal-isolation could pass.
void fill_stations(Capture& c, std::uint32_t count) {
    for (std::uint32_t i = 1; i <= count; ++i)
        c.air(dot11_data(true, false, k_ap, mac(0x10, i), mac(0x10, i - 1), icmp_echo(v4(i), v4(i - 1))));
}

} // namespace

TEST_CASE("a full station table: an AP relaying ICMP between two stations afterwards does not pass") {
    Capture c;
    fill_stations(c, static_cast<std::uint32_t>(StationTable::k_max_stations));
    const MacAddr a = mac(0x20, 1), b = mac(0x20, 2);
    c.air(dot11_data(true, false, k_ap, a, b, icmp_echo(v4(201), v4(202))));
    c.air(dot11_data(false, true, b, k_ap, a, icmp_echo(v4(201), v4(202))));
    auto rep = c.finish();
    const auto& iso = requirement(rep, "terminal-isolation");
    CHECK(iso.status != model::Status::pass);
    CHECK(iso.status == model::Status::inconclusive);
    CHECK(mentions(iso, "The station table was full (16384): 4 station(s) were not analysed"));
    const auto* t = full(rep, "stations");
    REQUIRE(t != nullptr);
    // The AP and stations 0-16382 fill the table; stations 16383 and 16384, a and b are left out.
    CHECK(t->dropped == 4);
    CHECK(t->capacity == StationTable::k_max_stations);
}

TEST_CASE("the same relay with room in the tables fails, so the capture above could have failed") {
    Capture c;
    fill_stations(c, 16);
    const MacAddr a = mac(0x20, 1), b = mac(0x20, 2);
    c.air(dot11_data(true, false, k_ap, a, b, icmp_echo(v4(201), v4(202))));
    c.air(dot11_data(false, true, b, k_ap, a, icmp_echo(v4(201), v4(202))));
    auto rep = c.finish();
    CHECK(requirement(rep, "terminal-isolation").status == model::Status::fail);
    CHECK(rep.capture.full_tables.empty());
}

TEST_CASE(
    "a full flow table (IP detail folded away) makes terminal-isolation inconclusive; a fail stays a fail") {
    Capture c;
    // ARP who-has from one terminal for as many on-link addresses as the flow table holds, and some more.
    const MacAddr asker = mac(0x30, 1);
    const std::uint32_t extra = 5;
    auto who_has = [&](std::uint32_t target) {
        Bytes8 b;
        put(b, *MacAddr::parse("ff:ff:ff:ff:ff:ff"));
        put(b, asker);
        b.insert(b.end(), {0x08, 0x06, 0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01});
        put(b, asker);
        b.insert(b.end(), {10, 0, 0, 1});
        b.insert(b.end(), 6, 0x00);
        b.insert(b.end(), {10, static_cast<std::uint8_t>(target >> 16),
                           static_cast<std::uint8_t>(target >> 8), static_cast<std::uint8_t>(target)});
        return b;
    };
    for (std::uint32_t i = 0; i < FlowTable::k_max_flows + extra; ++i)
        c.wire(who_has(i + 2));
    SUBCASE("attempts only") {
        auto rep = c.finish();
        const auto& iso = requirement(rep, "terminal-isolation");
        CHECK(iso.status == model::Status::inconclusive);
        CHECK(mentions(iso, "The flow table was full (65536): 5 flow(s) were not analysed"));
        const auto* t = full(rep, "flows");
        REQUIRE(t != nullptr);
        CHECK(t->dropped == extra);
    }
    SUBCASE("unicast both ways between two terminals, kept in the folded area") {
        Bytes8 there, back;
        put(there, mac(0x30, 3));
        put(there, mac(0x30, 2));
        put(back, mac(0x30, 2));
        put(back, mac(0x30, 3));
        for (auto [b, ip] :
             {std::pair{&there, icmp_echo(v4(2), v4(3))}, std::pair{&back, icmp_echo(v4(3), v4(2))}}) {
            b->insert(b->end(), {0x08, 0x00});
            b->insert(b->end(), ip.begin(), ip.end());
        }
        c.wire(there);
        c.wire(back);
        auto rep = c.finish();
        CHECK(requirement(rep, "terminal-isolation").status == model::Status::fail);
    }
}

TEST_CASE("a full BSS table keeps the open network that fails wlan-encryption") {
    Capture c;
    for (std::uint32_t i = 0; i < 4096 + 3; ++i)
        c.air(beacon(mac(0xb0, i), "corp", rsn(1)));
    // Beacons repeat: a BSS is dropped once, however many of its frames there are.
    for (std::uint32_t i = 0; i < 4096 + 3; ++i)
        c.air(beacon(mac(0xb0, i), "corp", rsn(1)));
    SUBCASE("an open BSS after 4096 others") {
        c.air(beacon(mac(0xb1, 1), "cafe", {}));
        auto rep = c.finish();
        CHECK(requirement(rep, "wlan-encryption").status == model::Status::fail);
        CHECK(mentions(requirement(rep, "wlan-encryption"),
                       "BSS 02:b1:00:00:00:01 (\"cafe\") is open: no encryption."));
        CHECK(requirement(rep, "8021x-eap-tls").status == model::Status::fail);
    }
    SUBCASE("with nothing decisive dropped, no pass either") {
        auto rep = c.finish();
        CHECK(requirement(rep, "wlan-encryption").status == model::Status::inconclusive);
        CHECK(mentions(requirement(rep, "wlan-encryption"),
                       "The BSS table was full (4096): 3 BSS(es) were not analysed"));
        const auto* t = full(rep, "bss");
        REQUIRE(t != nullptr);
        CHECK(t->dropped == 3);
        CHECK(rep.wlan_dropped == 3);
        CHECK(rep.wlan.size() == 4096);
    }
}

TEST_CASE("a full BSS table keeps an evil twin of an authorised SSID when an inventory is given") {
    auto inv = parse_inventory(
        R"({"networks": [{"ssid": "corp", "bssids": ["02:b0:*"], "class": "wpa2-enterprise"}]})");
    REQUIRE(inv);
    auto inventory = std::make_shared<const Inventory>(inv.value());
    Capture c{inventory};
    for (std::uint32_t i = 0; i < 4096; ++i)
        c.air(beacon(mac(0xb0, i), "corp", rsn(1)));
    SUBCASE("open") {
        c.air(beacon(mac(0xe0, 1), "corp", {}));
    }
    SUBCASE("as strong as the real network, from a BSSID not in the list") {
        c.air(beacon(mac(0xe0, 1), "corp", rsn(1)));
    }
    auto rep = c.finish();
    const auto& survey = requirement(rep, "ap-inventory");
    CHECK(survey.status == model::Status::fail);
    CHECK(mentions(survey,
                   "BSS 02:e0:00:00:00:01 (\"corp\"): an authorised SSID from a BSSID not in its list"));
    CHECK(rep.verdict == model::Status::fail);
}

TEST_CASE("without the inventory, the evil twin that only the survey fails is dropped, and the survey cannot "
          "pass") {
    auto inv = parse_inventory(
        R"({"networks": [{"ssid": "corp", "bssids": ["02:b0:*"], "class": "wpa2-enterprise"}]})");
    REQUIRE(inv);
    Capture c;
    for (std::uint32_t i = 0; i < 4096; ++i)
        c.air(beacon(mac(0xb0, i), "corp", rsn(1)));
    c.air(beacon(mac(0xe0, 1), "corp", rsn(1)));
    auto rep = c.finish(&inv.value());
    const auto& survey = requirement(rep, "ap-inventory");
    CHECK(survey.status == model::Status::inconclusive);
    CHECK(mentions(survey, "The BSS table was full (4096): 1 BSS(es) were not analysed"));
}

TEST_CASE("a full EAP session table keeps the EAP-MD5 success that fails 8021x-eap-tls") {
    Capture c;
    const MacAddr auth = mac(0xc0, 1);
    for (std::uint32_t i = 0; i < 1024; ++i)
        c.authenticate(mac(0xd0, i), auth, 13, 1);
    const MacAddr md5_user = mac(0xd1, 1);
    c.authenticate(md5_user, auth, 4, 1);
    auto rep = c.finish();
    const auto& req = requirement(rep, "8021x-eap-tls");
    CHECK(req.status == model::Status::fail);
    CHECK(mentions(req, "Supplicant 02:d1:00:00:00:01 (identity \"u\"), frames 5121-5125: authentication "
                        "completed with EAP type 4 (md5)"));
    // One EAP-TLS attempt made room: one session dropped, not its five frames.
    CHECK(rep.eap_stats.sessions_dropped == 1);
    const auto* t = full(rep, "eap-sessions");
    REQUIRE(t != nullptr);
    CHECK(t->dropped == 1);
    CHECK(rep.eap.size() == 1024);
}

namespace {
// Feeds EAPOL-EAP packets (version 2, type 0) to a session table, numbering the frames from 1.
struct EapFeeder {
    EapSessions& eap;
    std::uint64_t number = 0;
    void operator()(const MacAddr& src, const MacAddr& dst, std::uint8_t code, std::uint8_t id, Bytes8 data) {
        capture::Frame f;
        f.number = ++number;
        decode::Packet p;
        p.frame = &f;
        p.has_l2 = true;
        p.src = src;
        p.dst = dst;
        Bytes8 pdu{0x02, 0x00, 0x00, static_cast<std::uint8_t>(4 + data.size()),
                   code, id,   0x00, static_cast<std::uint8_t>(4 + data.size())};
        pdu.insert(pdu.end(), data.begin(), data.end());
        p.eapol = Bytes(pdu.data(), pdu.size());
        eap.feed(p);
    }
};
} // namespace

TEST_CASE("a full EAP session table: a new attempt on a busy port is not merged into the last tracked one") {
    EapSessions eap{EapSessions::Limits{.max_sessions = 2, .max_tls_bytes = 1024}};
    EapFeeder send{eap};
    const MacAddr sup = mac(0xd0, 1), other = mac(0xd0, 2), auth = mac(0xc0, 1);
    auto tls = [&](const MacAddr& s, std::uint8_t id) {
        send(auth, s, 1, id, {1});
        send(s, auth, 2, id, {1, 'a'});
        send(auth, s, 1, static_cast<std::uint8_t>(id + 1), {13, 0x20});
        send(s, auth, 2, static_cast<std::uint8_t>(id + 1), {13, 0x00});
        send(auth, s, 3, static_cast<std::uint8_t>(id + 1), {});
    };
    tls(sup, 1);   // frames 1-5
    tls(other, 1); // frames 6-10: the table is full
    // A new attempt on sup's port, with another method: frames 11-15.
    send(auth, sup, 1, 7, {1});
    send(sup, auth, 2, 7, {1, 'b'});
    send(auth, sup, 1, 8, {4, 1, 0xab});
    send(sup, auth, 2, 8, {4, 1, 0xcd});
    send(auth, sup, 3, 8, {});
    auto sessions = eap.sessions();
    REQUIRE(sessions.size() == 2);
    for (const auto& s : sessions) {
        // Each attempt holds only its own five frames and its own method.
        CHECK(s.frames == 5);
        CHECK(s.last_frame - s.first_frame == 4);
    }
    CHECK(sessions.back().first_frame == 11);
    CHECK(sessions.back().method == std::uint8_t{4});
    CHECK(sessions.back().identity == std::string("b"));
    CHECK(eap.stats().sessions_dropped == 1);
}

TEST_CASE("an attempt evicted mid-exchange does not finish in an earlier attempt that is kept") {
    auto fails = [](const EapSession& s) {
        return s.outcome == EapOutcome::success && s.method != std::uint8_t{13};
    };
    EapSessions eap{EapSessions::Limits{.max_sessions = 2, .max_tls_bytes = 1024}, fails};
    EapFeeder send{eap};
    const MacAddr sup = mac(0xd0, 1), other = mac(0xd0, 2), auth = mac(0xc0, 1);
    // sup: EAP-MD5 success (kept, it fails the requirement), frames 1-4.
    send(auth, sup, 1, 1, {1});
    send(auth, sup, 1, 2, {4, 1, 0xab});
    send(sup, auth, 2, 2, {4, 1, 0xcd});
    send(auth, sup, 3, 2, {});
    // sup again: a new attempt begins (frame 5), then other's attempt evicts it (frame 6).
    send(auth, sup, 1, 3, {1});
    send(auth, other, 1, 1, {1});
    // The rest of sup's second attempt: EAP-TLS to the end.
    send(sup, auth, 2, 3, {1, 'b'});
    send(auth, sup, 1, 4, {13, 0x20});
    send(sup, auth, 2, 4, {13, 0x00});
    send(auth, sup, 3, 4, {});
    auto sessions = eap.sessions();
    REQUIRE_FALSE(sessions.empty());
    const auto& md5 = sessions.front();
    CHECK(md5.first_frame == 1);
    CHECK(md5.last_frame == 4);
    CHECK(md5.method == std::uint8_t{4});
    CHECK(md5.outcome == EapOutcome::success);
    CHECK(eap.stats().sessions_dropped >= 1);
}
