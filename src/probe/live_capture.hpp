// Live capture on one or two interfaces (probe and sentinel) with libpcap in immediate mode (short bursts are
// otherwise lost in the kernel buffer), keeping every frame in memory for the analysis and the pcapng
// evidence.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "capture/frame.hpp"
#include "util/expected.hpp"

namespace isoprobe::probe {

struct StoredFrame {
    std::uint32_t interface = 0; // index into LiveCapture's interface list
    std::int64_t ts_ns = 0;
    std::uint32_t orig_len = 0;
    std::vector<std::uint8_t> bytes;
};

// A stored frame seen as the analysis sees every frame (Ethernet), numbered as in the run's pcapng.
capture::Frame as_frame(const StoredFrame& f, std::uint64_t number);

struct CaptureStats {
    std::uint64_t received = 0, dropped = 0, if_dropped = 0, over_limit = 0;
    std::string error; // the interface went down, or another capture error
};

class LiveCapture {
  public:
    static constexpr std::size_t k_max_frames = 500000;

    // Opens every interface (promiscuous: the switch decides what reaches our port, not the NIC filter).
    static Expected<std::unique_ptr<LiveCapture>, std::string>
    open(const std::vector<std::string>& interfaces);
    ~LiveCapture();

    void start();
    void stop(); // joins the capture threads; stats are final after this
    // A copy of the frames captured so far, in arrival order (discovery reads these mid-run).
    std::vector<StoredFrame> snapshot() const;
    std::vector<StoredFrame> take();
    std::vector<CaptureStats> stats() const;
    const std::vector<std::string>& interfaces() const { return m_names; }
    bool failed() const;

  private:
    struct Handle;
    LiveCapture() = default;
    void loop(std::size_t index);

    std::vector<std::string> m_names;
    std::vector<std::unique_ptr<Handle>> m_handles;
    std::vector<std::thread> m_threads;
    std::atomic<bool> m_stop{false};
    mutable std::mutex m_mutex;
    std::vector<StoredFrame> m_frames;
    std::vector<CaptureStats> m_stats;
};

} // namespace isoprobe::probe
