// Tests for src/decode/classify.cpp on 802.11 (linktype 105) and radiotap (127): address resolution, bodies,
// protection, FCS handling. Real frames are copied from `tshark -x`, expected fields read with tshark; built frames
// were checked the same way after `text2pcap -l 127`.
#include <doctest/doctest.h>

#include <string>

#include "decode/packet.hpp"
#include "test_decode_util.hpp"
#include "test_hex_util.hpp"

using namespace isoprobe;
using namespace isoprobe::decode;
using isoprobe::test::frame_of;
using isoprobe::test::hex;
using isoprobe::test::labels;

namespace {
constexpr std::uint32_t k_dot11 = 105, k_radiotap = 127;
} // namespace

TEST_CASE("classify resolves 802.11 addresses and bodies") {
    SUBCASE("beacon without radiotap (aircrack-wpa2-psk-linksys.pcap frame 7)") {
        const auto bytes = hex("80000000ffffffffffff000b86c2a485000b86c2a485e02168762717250000006400310000076c696e6b737973010482"
                               "840b160301010504000100000706555320010b1b20010b2a010730140100000fac040100000fac040100000fac020000"
                               "ab0b000b8601010001ac1000fe");
        const Packet p = classify(frame_of(k_dot11, bytes));
        CHECK(p.decoded());
        REQUIRE(p.dot11);
        CHECK(p.dot11->type == 0);
        CHECK(p.dot11->subtype == 8);
        CHECK(p.src.str() == "00:0b:86:c2:a4:85");
        CHECK(p.dst.is_broadcast());
        CHECK(p.dot11->bssid.str() == "00:0b:86:c2:a4:85");
        CHECK(p.dot11->mgmt_body.size() == bytes.size() - 24);
        CHECK(p.dot11->mgmt_body.data() == bytes.data() + 24);
        CHECK(labels(p) == "l2");
    }
    SUBCASE("association response (frame 48)") {
        const auto bytes = hex("10003a010013ce5598ef000b86c2a485000b86c2a48560261104000001c0010482840b16");
        const Packet p = classify(frame_of(k_dot11, bytes));
        CHECK(p.dot11->subtype == 1);
        CHECK(p.src.str() == "00:0b:86:c2:a4:85");
        CHECK(p.dst.str() == "00:13:ce:55:98:ef");
        CHECK(p.dot11->mgmt_body.size() == 12);
    }
    SUBCASE("ACK has a receiver only (frame 2)") {
        const auto bytes = hex("d40000000013ce5598ef");
        const Packet p = classify(frame_of(k_dot11, bytes));
        CHECK(p.decoded());
        CHECK_FALSE(p.has_l2);
        CHECK(p.protos.none());
        CHECK(p.dot11->type == 1);
        CHECK(p.dot11->subtype == 13);
        CHECK(p.dot11->receiver.str() == "00:13:ce:55:98:ef");
        CHECK(p.dst.str() == "00:13:ce:55:98:ef");
    }
    SUBCASE("null function, ToDS (frame 1)") {
        const auto bytes = hex("48110201000b86c2a4850013ce5598ef000b86c2a485409c");
        const Packet p = classify(frame_of(k_dot11, bytes));
        CHECK(p.decoded());
        CHECK(p.src.str() == "00:13:ce:55:98:ef");
        CHECK(p.dst.str() == "00:0b:86:c2:a4:85");
        CHECK(p.dot11->to_ds);
        CHECK(p.ethertype == 0);
        CHECK(labels(p) == "l2");
    }
    SUBCASE("protected data: addresses, no payload (frame 6)") {
        const auto bytes = hex("08410201000b86c2a4850013ce5598ef000f66e3e401f02db6020020000000006d83f50bd4e4dff41c378db822a9af6d"
                               "a91acb44d0a5d19a76ce121a25e889fe36632b8020efb8ab5c148c9cdd1db2e04ec4a825ef8f7621589edc34c9535510"
                               "879cf881d0c9db844ada4e65f460bba8d09af438e9a255246d1b953ba93742b77e28b5b133d5a6e89d4826b308683c2b"
                               "97b3123a69365dabc96f62dff8b788e2");
        const Packet p = classify(frame_of(k_dot11, bytes));
        CHECK(p.decoded());
        CHECK(p.encrypted);
        CHECK(p.dot11->protected_frame);
        CHECK(p.src.str() == "00:13:ce:55:98:ef");
        CHECK(p.dst.str() == "00:0f:66:e3:e4:01");
        CHECK(p.dot11->bssid.str() == "00:0b:86:c2:a4:85");
        CHECK(p.ethertype == 0);
        CHECK(labels(p) == "l2");
    }
    SUBCASE("EAPOL-Key in data, LLC/SNAP (frame 51; tshark eapol.len 117)") {
        const auto bytes = hex("08010201000b86c2a4850013ce5598ef000b86c2a485002eaaaa03000000888e0103007502010a000000000000000000"
                               "01e8dfa16b8769957d8249a4ec68d2b7641d3782162ef0dc37b014cc48343e8dd2000000000000000000000000000000"
                               "000000000000000000000000000000000056f98b98da5d55e3be396b43c7eb012a001630140100000fac040100000fac"
                               "040100000fac022800");
        const Packet p = classify(frame_of(k_dot11, bytes));
        CHECK(p.decoded());
        CHECK(p.src.str() == "00:13:ce:55:98:ef");
        CHECK(p.dst.str() == "00:0b:86:c2:a4:85");
        CHECK(p.ethertype == 0x888e);
        CHECK(labels(p) == "l2,eapol");
        CHECK(p.eapol.size() == 4 + 117);
        CHECK(p.eapol[1] == 3); // EAPOL-Key
    }
    SUBCASE("radiotap with FCS, QoS data ARP reply (zeek-arp_who_has_radiotap.pcap frame 2)") {
        const auto bytes = hex("000030006b081c0002045756000000001000a4154001c5a3014e349740010100a4156c221f0107000400000004000000"
                               "880230007831c1c63fc28a15149b5ae0f8eda5c0a4f140000000aaaa0300000008060001080006040002f8eda5c0a4f1"
                               "0a0000017831c1c63fc20a00000200000000000000000000000000001f0b60ce");
        const Packet p = classify(frame_of(k_radiotap, bytes, 242));
        CHECK(p.decoded());
        CHECK(p.src.str() == "f8:ed:a5:c0:a4:f1");
        CHECK(p.dst.str() == "78:31:c1:c6:3f:c2");
        CHECK(p.dot11->transmitter.str() == "8a:15:14:9b:5a:e0");
        CHECK(p.dot11->bssid.str() == "8a:15:14:9b:5a:e0");
        CHECK(p.dot11->from_ds);
        CHECK(labels(p) == "arp,l2");
        CHECK(p.is_response);
        REQUIRE(p.arp);
        CHECK(p.arp->sender_ip.str() == "10.0.0.1");
    }
    SUBCASE("radiotap with FCS flag but the FCS cut by the snaplen (frame 1: 149 on the wire, 110 captured)") {
        const auto bytes = hex("000030006b081c00e1615656000000001000a4154001b6a3014e349740010100a4156c221f0107000100000000000000"
                               "88012c008a15149b5ae07831c1c63fc2ffffffffffff10000600aaaa03000000080600010800060400017831c1c63fc2"
                               "0a0000020000000000000a000001");
        const Packet p = classify(frame_of(k_radiotap, bytes, 149));
        CHECK(p.decoded());
        CHECK(p.src.str() == "78:31:c1:c6:3f:c2");
        CHECK(p.dst.is_broadcast());
        REQUIRE(p.arp);
        CHECK(p.arp->target_ip.str() == "10.0.0.1");
    }
    SUBCASE("radiotap beacon with a presence bitmap chain and FCS (scapy-bad_rsn_parsing_overrides_ssid.pcap)") {
        const auto bytes = hex("000030002f4000a0200800a0200800a020080000000000000b70696e3b25ed4e100c6c09c000ce000000b200bd01ce02"
                               "80000000ffffffffffffec172f821e29ec172f821e2910708161a1080000000064003104000d524f5554452d38323145"
                               "32393501018c0301010504000200000724494c200101140201140301140401140501140601140701140801140901140a"
                               "01140b01143b125151525354737475767778797a7b7d7e7f802a0100301a0100000fac040100000fac040100000fac02"
                               "8c000000000fac062d1a8d011fffff0000000000000000000000000000000000000000003d1601001500000000000000"
                               "000000000000000000000000dd180050f2020101810003a4000027a4000042545e0061322f007f0104dd0700a0c60202"
                               "0300dd17ec172f5252525252525252525252525252525252525252529e5bf2");
        const Packet p = classify(frame_of(k_radiotap, bytes));
        CHECK(p.decoded());
        CHECK(p.src.str() == "ec:17:2f:82:1e:29");
        CHECK(p.dot11->mgmt_body.size() == bytes.size() - 48 - 24 - 4);
    }
    SUBCASE("radiotap without a Flags field, EAPOL ToDS (ws-owe.pcapng.gz frame 29; tshark eapol.len 95)") {
        const auto bytes = hex("00000d0004800200020000000008013a01020000000000020000000100020000000000e00baaaa03000000888e010300"
                               "5f0203080000000000000000000200000000000000000000000000000000000000000000000000000000000000000000"
                               "000000000000000000000000000000000000000000000000000000000000951017667e129ec04602af3fe5223a230000");
        const Packet p = classify(frame_of(k_radiotap, bytes));
        CHECK(p.decoded());
        CHECK(p.src.str() == "02:00:00:00:01:00");
        CHECK(p.dst.str() == "02:00:00:00:00:00");
        CHECK(p.eapol.size() == 4 + 95);
    }
    SUBCASE("A-MSDU: addresses of the first subframe") {
        const auto bytes = hex("000009000200000000880200000200000000c10200000000b00200000000b0100080000200000000c10200000000c200"
                               "24aaaa03000000080600010800060400020200000000c20a0000020200000000c10a000001");
        const Packet p = classify(frame_of(k_radiotap, bytes));
        CHECK(p.decoded());
        CHECK(p.src.str() == "02:00:00:00:00:c2");
        CHECK(p.dst.str() == "02:00:00:00:00:c1");
        CHECK(labels(p) == "arp,l2");
    }
    SUBCASE("protected QoS data with FCS") {
        const auto bytes = hex("00000900020000001088412c000200000000b00200000000c1ffffffffffff3000000001000020000000000011223344"
                               "5566778899aabbccddeeffdeadbeef");
        const Packet p = classify(frame_of(k_radiotap, bytes));
        CHECK(p.encrypted);
        CHECK(p.src.str() == "02:00:00:00:00:c1");
        CHECK(p.dst.is_broadcast());
    }
    SUBCASE("bad FCS is flagged, the frame still decoded") {
        const auto bytes = hex("00000900020000005008012c000200000000b00200000000c10200000000c25000aaaa03000000080600010800060400"
                               "020200000000c20a0000020200000000c10a00000100000000");
        const Packet p = classify(frame_of(k_radiotap, bytes));
        CHECK(p.bad_fcs);
        CHECK(labels(p) == "arp,l2");
        CHECK(p.dst.str() == "02:00:00:00:00:c2");
    }
    SUBCASE("radiotap datapad: two bytes after the 26-byte QoS header") {
        const auto bytes = hex("00000900020000002088012c000200000000b00200000000c10200000000c2600000000000aaaa030000000806000108"
                               "00060400020200000000c20a0000020200000000c10a000001");
        const Packet p = classify(frame_of(k_radiotap, bytes));
        CHECK(p.decoded());
        CHECK_FALSE(p.bad_fcs);
        CHECK(labels(p) == "arp,l2");
    }
    SUBCASE("RTS with a bandwidth-signalling TA names the individual station") {
        const auto bytes = hex("000009000200000000b4002c000200000000b00300000000c1");
        const Packet p = classify(frame_of(k_radiotap, bytes));
        CHECK(p.src.str() == "02:00:00:00:00:c1");
        CHECK(p.dst.str() == "02:00:00:00:00:b0");
    }
}
