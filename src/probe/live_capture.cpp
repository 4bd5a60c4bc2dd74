#include "probe/live_capture.hpp"

#include <pcap/pcap.h>

#include <algorithm>

namespace isoprobe::probe {

struct LiveCapture::Handle {
    pcap_t* pcap = nullptr;
    ~Handle() {
        if (pcap) pcap_close(pcap);
    }
};

namespace {
std::string pcap_problem(const std::string& name, const std::string& err, int rc) {
    if (rc == PCAP_ERROR_PERM_DENIED || err.find("ermission") != std::string::npos ||
        err.find("not permitted") != std::string::npos)
        return name + ": permission denied: capturing needs CAP_NET_RAW and CAP_NET_ADMIN (run as root, or "
                      "setcap cap_net_raw,cap_net_admin+ep on isoprobe)";
    if (rc == PCAP_ERROR_NO_SUCH_DEVICE) return name + ": no such interface";
    if (rc == PCAP_ERROR_IFACE_NOT_UP) return name + ": interface is down";
    return name + ": cannot capture: " + err;
}
} // namespace

Expected<std::unique_ptr<LiveCapture>, std::string>
LiveCapture::open(const std::vector<std::string>& interfaces) {
    std::unique_ptr<LiveCapture> cap(new LiveCapture());
    for (const auto& name : interfaces) {
        char err[PCAP_ERRBUF_SIZE] = "";
        auto h = std::make_unique<Handle>();
        h->pcap = pcap_create(name.c_str(), err);
        if (!h->pcap) return unexpected(pcap_problem(name, err, PCAP_ERROR));
        pcap_set_snaplen(h->pcap, 65535);
        pcap_set_promisc(h->pcap, 1);
        pcap_set_immediate_mode(h->pcap, 1);
        pcap_set_timeout(h->pcap, 50);
        pcap_set_buffer_size(h->pcap, 8 << 20);
        int rc = pcap_activate(h->pcap);
        if (rc < 0) return unexpected(pcap_problem(name, pcap_geterr(h->pcap), rc));
        if (pcap_datalink(h->pcap) != DLT_EN10MB) return unexpected(name + ": not an Ethernet interface");
        cap->m_names.push_back(name);
        cap->m_handles.push_back(std::move(h));
        cap->m_stats.emplace_back();
    }
    return cap;
}

capture::Frame as_frame(const StoredFrame& f, std::uint64_t number) {
    capture::Frame fr;
    fr.number = number;
    fr.ts_ns = f.ts_ns;
    fr.link_type = static_cast<std::uint32_t>(capture::LinkType::ethernet);
    fr.interface = f.interface;
    fr.orig_len = f.orig_len;
    fr.bytes = Bytes(f.bytes);
    return fr;
}

LiveCapture::~LiveCapture() {
    stop();
}

void LiveCapture::start() {
    for (std::size_t i = 0; i < m_handles.size(); ++i)
        m_threads.emplace_back([this, i] { loop(i); });
}

void LiveCapture::stop() {
    m_stop = true;
    // Wakes pcap_next_ex even when it loops on an interface that went down (it then returns
    // PCAP_ERROR_BREAK).
    for (auto& h : m_handles)
        pcap_breakloop(h->pcap);
    for (auto& t : m_threads)
        if (t.joinable()) t.join();
    m_threads.clear();
}

void LiveCapture::loop(std::size_t index) {
    pcap_t* p = m_handles[index]->pcap;
    while (!m_stop) {
        pcap_pkthdr* hdr = nullptr;
        const u_char* data = nullptr;
        int rc = pcap_next_ex(p, &hdr, &data);
        if (rc == 0) continue;
        if (rc == PCAP_ERROR_BREAK) break;
        if (rc < 0) {
            std::lock_guard lock(m_mutex);
            m_stats[index].error = m_names[index] + ": capture stopped: " + pcap_geterr(p);
            break;
        }
        StoredFrame f;
        f.interface = static_cast<std::uint32_t>(index);
        f.ts_ns = static_cast<std::int64_t>(hdr->ts.tv_sec) * 1'000'000'000 +
                  static_cast<std::int64_t>(hdr->ts.tv_usec) * 1000;
        f.orig_len = hdr->len;
        f.bytes.assign(data, data + hdr->caplen);
        std::lock_guard lock(m_mutex);
        if (m_frames.size() >= k_max_frames) {
            ++m_stats[index].over_limit;
            continue;
        }
        m_frames.push_back(std::move(f));
    }
    pcap_stat st{};
    if (pcap_stats(p, &st) == 0) {
        std::lock_guard lock(m_mutex);
        m_stats[index].received = st.ps_recv;
        m_stats[index].dropped = st.ps_drop;
        m_stats[index].if_dropped = st.ps_ifdrop;
    }
}

std::vector<StoredFrame> LiveCapture::snapshot() const {
    std::lock_guard lock(m_mutex);
    return m_frames;
}

std::vector<StoredFrame> LiveCapture::take() {
    std::lock_guard lock(m_mutex);
    std::vector<StoredFrame> out;
    out.swap(m_frames);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.ts_ns < b.ts_ns; });
    return out;
}

std::vector<CaptureStats> LiveCapture::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

bool LiveCapture::failed() const {
    std::lock_guard lock(m_mutex);
    return std::any_of(m_stats.begin(), m_stats.end(), [](const auto& s) { return !s.error.empty(); });
}

} // namespace isoprobe::probe
