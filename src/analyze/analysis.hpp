// The one analysis path: inspect feeds it frames from files, probe and audit from their live capture.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "analyze/bss_table.hpp"
#include "analyze/eap_sessions.hpp"
#include "analyze/flows.hpp"
#include "analyze/inventory.hpp"
#include "analyze/stations.hpp"
#include "capture/frame.hpp"
#include "model/report.hpp"
#include "verdict/terminal_isolation.hpp"

namespace isoprobe::analyze {

class Analysis {
  public:
    // With an inventory, the BSSes that fail its survey are kept even when the BSS table is full.
    explicit Analysis(RoleHints hints, std::shared_ptr<const Inventory> inventory = nullptr);

    // Decodes and analyses one frame; returns the decoded packet so a caller (the live probe) can look at it
    // too.
    decode::Packet feed(const capture::Frame& frame);
    // Fills the report's evidence (stations, conversations, attempts, observations, EAP, BSSes, capture
    // counters) and returns what the verdict needs besides; it judges nothing (verdict::decide does). Call it
    // once, after the last frame.
    verdict::CaptureIsolationEvidence finish(model::Report& out);

    std::uint64_t frames() const { return m_frames; }

  private:
    RoleHints m_hints;
    StationTable m_stations;
    FlowTable m_flows;
    EapSessions m_eap;
    BssTable m_bss;
    std::optional<model::Sentence> link_limit() const;

    std::uint64_t m_frames = 0, m_bytes = 0, m_undecoded = 0, m_encrypted = 0;
    std::uint64_t m_l2_frames = 0; // with a MAC address: none on raw IP, loopback, PPP and NFLOG captures
    std::int64_t m_first_ns = 0, m_last_ns = 0;
    std::map<std::string, std::uint64_t> m_anomalies;
    std::map<std::string, std::uint64_t> m_decapsulated;
    std::vector<std::uint32_t> m_link_types;
};

} // namespace isoprobe::analyze
