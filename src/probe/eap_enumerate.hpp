// Active check of a wired 802.1X port (IEEE 802.1X-2010 11.3 EAPOL, RFC 3748 5.1 Identity, 5.3.1 Legacy Nak):
// which EAP methods the authenticator proposes and accepts.
#pragma once
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/report.hpp"
#include "util/addr.hpp"
#include "util/bytes.hpp"
#include "util/expected.hpp"

namespace isoprobe::probe {

// The Port Access Entity group address (IEEE 802.1X-2010 Table 11-1): bridges never forward it.
inline constexpr MacAddr k_pae_group{{0x01, 0x80, 0xc2, 0x00, 0x00, 0x03}};

// The methods --enumerate proposes, in order (parse::eap_methods()): the password-capable ones, then TLS.
const std::vector<std::uint8_t>& enumerated_methods();

// An EAPOL PDU of `type` to the PAE group address from `src`, padded to the Ethernet minimum.
std::vector<std::uint8_t> eapol_frame(const MacAddr& src, std::uint8_t type, Bytes body);
// EAP Response/Identity answering request `id`.
std::vector<std::uint8_t> eap_identity_response(std::uint8_t id, const std::string& identity);
// EAP Response/Nak answering request `id`, proposing `desired` instead.
std::vector<std::uint8_t> eap_nak(std::uint8_t id, std::uint8_t desired);

enum class TrialResult { pending, accepted, refused, no_answer };
std::string trial_result_name(TrialResult r);

// One conversation with the authenticator: EAPOL-Start, our identity, then (when `wanted` is set) a Nak
// proposing it. Pure: it is fed the frames the port receives and the expiry of each wait, and says what to
// send.
class Trial {
  public:
    Trial(const MacAddr& self, std::string identity, std::optional<std::uint8_t> wanted, int retries);

    std::vector<std::uint8_t> start(); // the EAPOL-Start frame to send first
    // A frame received on the port; returns what to send in answer (nothing for frames not meant for us).
    std::optional<std::vector<std::uint8_t>> on_frame(Bytes ethernet);
    // The wait for an answer expired: returns the frame to send again, or nothing once retries are used up.
    std::optional<std::vector<std::uint8_t>> on_timeout();

    TrialResult result() const { return m_result; }
    const model::Sentence& detail() const { return m_detail; }
    std::optional<std::uint8_t> offered() const {
        return m_offered;
    } // the first method the authenticator proposed
    std::optional<MacAddr> authenticator() const { return m_authenticator; }

  private:
    enum class Step { identity, offer, verdict, done };
    std::vector<std::uint8_t> answer(std::vector<std::uint8_t> eap, std::uint8_t request_id,
                                     std::uint8_t request_type);
    void finish(TrialResult r, model::Sentence detail);

    MacAddr m_self;
    std::string m_identity;
    std::optional<std::uint8_t> m_wanted;
    int m_retries, m_retries_left;
    Step m_step = Step::identity;
    std::vector<std::uint8_t> m_last_sent;
    std::optional<std::pair<std::uint8_t, std::uint8_t>> m_last_request; // id, type we answered last
    std::optional<std::uint8_t> m_offered;
    std::optional<MacAddr> m_authenticator;
    TrialResult m_result = TrialResult::pending;
    model::Sentence m_detail;
};

struct EapProbeOptions {
    std::string interface;
    std::string identity = "anonymous";
    bool enumerate = false;
    double timeout_s = 3.0;
    int retries = 2;
};

// Runs the check on the interface and returns the report (command "eap"): every frame sent and received goes
// through analyze::Analysis. Fails with one line before any traffic (unknown interface, capture not
// permitted).
Expected<model::Report, std::string> run_eap_probe(const EapProbeOptions& o, const std::atomic<bool>& stop);

} // namespace isoprobe::probe
