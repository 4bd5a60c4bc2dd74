// The words of the HTML report in Japanese and English. The Japanese follows the guideline's own vocabulary
// (端末間の通信, 点検, 必須) and the usual terms of an audit report (適合/不適合, 判定不能, 根拠).
#include <cstdio>
#include <utility>

#include "report/html_parts.hpp"

namespace isoprobe::report::html {

namespace {

constexpr Strings k_ja{
    .lang = Lang::ja,
    .title = "端末間通信・無線LANセキュリティ監査報告書",
    .guideline = "総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」（令和7年3月版）",
    .engine_note =
        "理由・根拠の各文の英語原文と文コードは JSON 報告書（reasons_coded など）に記録しています。",
    .escape_note =
        "ネットワークから取得した文字列（SSID、ID、証明書の主体者名など）は、制御文字と UTF-8 として不正な"
        "バイトを \\xNN の形で表示しています（\\ 自体は \\\\）。",
    .command = "コマンド",
    .tool = "ツール",
    .host = "実行ホスト",
    .started = "開始",
    .finished = "終了",
    .duration = "所要時間",
    .capture_span = "キャプチャの期間",
    .interface = "インターフェース",
    .sentinel = "センチネル",
    .segment = "セグメント",
    .gateway = "ゲートウェイ",
    .peers = "相手端末",
    .capturing_host = "キャプチャ取得端末",
    .interrupted = "実行は途中で中断されました。中断までの結果です。",
    .none = "なし",
    .unknown = "不明",
    .verdict = "総合判定",
    .verdict_rule =
        "各要件の判定のうち最も悪いもの（不適合 ＞ 判定不能 ＞ 適合）。未検査の要件は数えません。",
    .requirements = "要件ごとの判定",
    .col_requirement = "要件",
    .col_clause = "根拠条項",
    .col_title = "項目",
    .col_status = "判定",
    .col_reasons = "理由",
    .status = {"適合", "不適合", "判定不能", "未検査"},
    .conversations = "端末間通信",
    .conversations_intro = "キャプチャ上で相手に届いたことが確認できた端末間の通信です。1件でもあれば端末間通"
                           "信の防止は不適合です。",
    .attempts = "応答のなかった通信の試み",
    .attempts_intro = "端末が他の端末に向けて送信したものの、届いたことは確認できなかった通信です（不適合の根"
                      "拠ではありません）。",
    .col_a = "端末 A（送信元）",
    .col_b = "端末 B（宛先）",
    .col_kind = "種別",
    .col_protocols = "プロトコル",
    .col_frames = "フレーム番号",
    .col_time = "時刻（UTC）",
    .col_evidence = "根拠",
    .unicast = "ユニキャスト",
    .broadcast = "ブロードキャスト",
    .via_gateway = "ゲートウェイ経由",
    .mac_unknown = "MAC 不明",
    .frames_unit = "フレーム",
    .rows_in_json = "（すべて JSON レポート（--json）にあります）",
    .probes = "接触試験の結果（方式 × 相手端末）",
    .probes_intro =
        "各方式で各相手端末への到達を試した結果です。「到達」はセンチネルが受信したか相手が応答したこと、"
        "「不達」はセンチネルが受信しなかったことを示します。センチネルのない相手の「応答なし」は隔離の証明に"
        "なりません。",
    .col_peer = "相手端末",
    .probe_notes = "方式ごとの証跡と説明",
    .col_method = "方式",
    .col_result = "結果",
    .col_notes = "フレーム番号・説明",
    .controls = "前提条件の確認（陽性対照）",
    .controls_intro =
        "応答がないことを「隔離されている」と判断するために、正常に動いていなければならない事項です。",
    .col_control = "確認事項",
    .col_detail = "詳細",
    .control_ok = "正常",
    .control_failed = "異常",
    .observations = "観察事項（到達の証拠ではありません）",
    .observations_intro = "セグメントが端末をどう隔離しているか（代理ARP、ICMPリダイレクト、ルータ）。どれも"
                          "端末間の到達を示すものではありません。",
    .outcome = {"到達", "不達", "応答なし", "未実施", "エラー"},
    .stations = "観測された機器",
    .col_mac = "MAC アドレス",
    .col_ips = "IP アドレス",
    .col_role = "役割",
    .col_why = "判断の根拠",
    .role = {"自端末", "ゲートウェイ", "DHCP サーバ", "DNS サーバ", "オーセンティケータ", "アクセスポイント",
             "スイッチ", "基盤機器", "端末"},
    .eap = "IEEE 802.1X 認証（EAP）",
    .eap_intro = "サプリカントとオーセンティケータの認証のやり取りごとに、実際に完了した方式（提示された方式"
                 "ではなく）と TLS の内容を示します。",
    .col_supplicant = "サプリカント",
    .col_authenticator = "オーセンティケータ",
    .col_identity = "ID（外側）",
    .col_method_done = "完了した方式",
    .col_offered = "提示された方式",
    .col_nak = "NAK で求めた方式",
    .col_outcome = "結果",
    .tls = "TLS",
    .col_tls_version = "TLS バージョン",
    .col_cipher = "暗号スイート",
    .col_client_cert = "クライアント証明書",
    .certificates = "証明書",
    .col_chain = "区分",
    .chain_server = "サーバ",
    .chain_client = "クライアント",
    .col_subject = "主体者",
    .col_issuer = "発行者",
    .col_validity = "有効期間",
    .col_key = "鍵",
    .col_signature = "署名アルゴリズム",
    .col_expiry = "期限まで",
    .self_signed = "自己署名",
    .not_decodable = "解読不能",
    .bytes_unit = "バイト",
    .days_unit = "日",
    .via_radius = "RADIUS 経由（NAS → サーバ）:",
    .eap_outcome = {"未完了", "成功", "失敗"},
    .client_cert = {"提示あり", "提示なし", "観測不能", "不明"},
    .enumeration = "オーセンティケータが受け入れる EAP 方式",
    .col_eap_type = "EAP タイプ",
    .accepted = "受け入れ",
    .refused = "拒否",
    .no_answer = "応答なし",
    .wlan = "無線LAN アクセスポイント（BSS）",
    .wlan_intro = "ビーコン、プローブ応答、接続要求から読み取った各 BSS の暗号化と認証の方式です。",
    .col_bssid = "BSSID",
    .col_ssid = "SSID",
    .col_channel = "チャネル",
    .col_security = "セキュリティ",
    .col_akm = "AKM",
    .col_ciphers = "暗号（ペア／グループ）",
    .col_pmf = "PMF",
    .col_seen = "観測（ビーコン／プローブ応答／接続要求）",
    .hidden = "SSID 非公開",
    .from_assoc = "端末の接続要求から",
    .wlan_malformed = "解読できなかった管理フレーム",
    .inventory = "アクセスポイントの点検（台帳との照合）",
    .col_finding = "所見",
    .needs_review = "要確認",
    .capture = "キャプチャの概要",
    .col_file = "ファイル",
    .col_first_frame = "先頭のフレーム番号",
    .frames = "フレーム数",
    .bytes = "バイト数",
    .link_types = "リンク種別",
    .undecoded = "解読できなかったフレーム",
    .encrypted = "暗号化された 802.11 フレーム",
    .anomalies = "異常の内訳",
    .decapsulated = "トンネルから取り出したフレーム",
    .dropped = "取りこぼし",
    .first_frame = "最初のフレーム",
    .last_frame = "最後のフレーム",
    .truncated = "途中で切れています（切れる前のフレームは解析済み）",
    .eapol_frames = "EAPOL フレーム",
    .radius_packets = "RADIUS パケット",
    .timeline = "時系列",
    .timeline_intro = "横軸は開始からの経過時間。起点 0 =",
    .lane_phases = "実行の段階",
    .lane_conversations = "端末間通信",
    .lane_attempts = "通信の試み",
    .lane_eap = "EAP",
    .more_prefix = "ほか ",
    .more_suffix = " 件",
    .no_events = "時刻のある事象はありません（フレームなし）",
    .unit_ms = "ミリ秒",
    .unit_s = "秒",
    .unit_min = "分",
    .unit_h = "時間",
    .phase = {"探索", "接触試験", "応答待ち", "解析"},
};

constexpr Strings k_en{
    .lang = Lang::en,
    .title = "Terminal isolation and Wi-Fi security audit report",
    .guideline = "MIC, Information security policy guideline for local governments (March 2025 revision)",
    .engine_note = "",
    .escape_note =
        "Text captured from the network (SSIDs, identities, certificate subjects...) is shown with control "
        "characters and bytes that are not UTF-8 as \\xNN (and \\ itself as \\\\).",
    .command = "Command",
    .tool = "Tool",
    .host = "Host",
    .started = "Started",
    .finished = "Finished",
    .duration = "Duration",
    .capture_span = "Capture span",
    .interface = "Interface",
    .sentinel = "Sentinel",
    .segment = "Segment",
    .gateway = "Gateway",
    .peers = "Peers",
    .capturing_host = "Capturing host",
    .interrupted = "The run was interrupted: these are the results up to the interruption.",
    .none = "none",
    .unknown = "unknown",
    .verdict = "Verdict",
    .verdict_rule =
        "The worst requirement status (fail > inconclusive > pass); requirements not tested do not count.",
    .requirements = "Requirements",
    .col_requirement = "Requirement",
    .col_clause = "Clause",
    .col_title = "Title",
    .col_status = "Status",
    .col_reasons = "Reasons",
    .status = {"Pass", "Fail", "Inconclusive", "Not tested"},
    .conversations = "Terminal-to-terminal conversations",
    .conversations_intro = "Contact between terminals that the capture proves arrived. Any one of them fails "
                           "terminal isolation.",
    .attempts = "Unanswered attempts",
    .attempts_intro =
        "Frames a terminal sent towards another terminal without proof that they arrived (not findings).",
    .col_a = "Terminal A (sender)",
    .col_b = "Terminal B (receiver)",
    .col_kind = "Kind",
    .col_protocols = "Protocols",
    .col_frames = "Frames",
    .col_time = "Time (UTC)",
    .col_evidence = "Evidence",
    .unicast = "unicast",
    .broadcast = "broadcast",
    .via_gateway = "via the gateway",
    .mac_unknown = "MAC unknown",
    .frames_unit = "frames",
    .rows_in_json = " (the JSON report, --json, lists them all)",
    .probes = "Contact methods per peer",
    .probes_intro =
        "Each method tried against each peer. \"Reached\": the sentinel received it or the peer answered; "
        "\"not reached\": the sentinel did not receive it. \"No reply\" from a peer without a sentinel does "
        "not "
        "prove isolation.",
    .col_peer = "Peer",
    .probe_notes = "Evidence and notes per method",
    .col_method = "Method",
    .col_result = "Result",
    .col_notes = "Frames, notes",
    .controls = "Positive controls",
    .controls_intro = "What must work for silence to mean isolation.",
    .col_control = "Control",
    .col_detail = "Detail",
    .control_ok = "ok",
    .control_failed = "failed",
    .observations = "Observations (not proof of contact)",
    .observations_intro = "How the segment keeps terminals apart, or would not (proxy ARP, ICMP redirects, "
                          "routers). None of these shows that anything reached a terminal.",
    .outcome = {"reached", "not reached", "no reply", "not run", "error"},
    .stations = "Stations",
    .col_mac = "MAC",
    .col_ips = "IP addresses",
    .col_role = "Role",
    .col_why = "Why",
    .role = {"self (capturing host)", "gateway", "DHCP server", "DNS server", "authenticator", "access point",
             "switch", "infrastructure", "terminal"},
    .eap = "IEEE 802.1X authentication (EAP)",
    .eap_intro =
        "Each attempt between a supplicant and an authenticator: the method that actually completed (not "
        "merely the one offered) and what its TLS showed.",
    .col_supplicant = "Supplicant",
    .col_authenticator = "Authenticator",
    .col_identity = "Outer identity",
    .col_method_done = "Method completed",
    .col_offered = "Offered",
    .col_nak = "NAK asked for",
    .col_outcome = "Outcome",
    .tls = "TLS",
    .col_tls_version = "TLS version",
    .col_cipher = "Cipher suite",
    .col_client_cert = "Client certificate",
    .certificates = "Certificates",
    .col_chain = "Chain",
    .chain_server = "server",
    .chain_client = "client",
    .col_subject = "Subject",
    .col_issuer = "Issuer",
    .col_validity = "Validity",
    .col_key = "Key",
    .col_signature = "Signature",
    .col_expiry = "Expires in",
    .self_signed = "self-signed",
    .not_decodable = "not decodable",
    .bytes_unit = "bytes",
    .days_unit = "days",
    .via_radius = "via RADIUS (NAS → server):",
    .eap_outcome = {"incomplete", "success", "failure"},
    .client_cert = {"present", "absent", "not observable", "unknown"},
    .enumeration = "EAP methods the authenticator accepts",
    .col_eap_type = "EAP type",
    .accepted = "accepted",
    .refused = "refused",
    .no_answer = "no answer",
    .wlan = "Wi-Fi access points (BSS)",
    .wlan_intro =
        "Encryption and authentication of each BSS, from beacons, probe responses and association requests.",
    .col_bssid = "BSSID",
    .col_ssid = "SSID",
    .col_channel = "Channel",
    .col_security = "Security",
    .col_akm = "AKM",
    .col_ciphers = "Ciphers (pairwise / group)",
    .col_pmf = "PMF",
    .col_seen = "Seen (beacons / probe resp. / assoc.)",
    .hidden = "hidden SSID",
    .from_assoc = "from a station's association request",
    .wlan_malformed = "Malformed management frames",
    .inventory = "Access-point survey against the inventory",
    .col_finding = "Finding",
    .needs_review = "review",
    .capture = "Capture summary",
    .col_file = "File",
    .col_first_frame = "First frame number",
    .frames = "Frames",
    .bytes = "Bytes",
    .link_types = "Link types",
    .undecoded = "Undecoded frames",
    .encrypted = "Encrypted 802.11 frames",
    .anomalies = "Anomalies",
    .decapsulated = "Frames taken out of tunnels",
    .dropped = "Dropped",
    .first_frame = "First frame",
    .last_frame = "Last frame",
    .truncated = "cut short (the frames before the cut were analysed)",
    .eapol_frames = "EAPOL frames",
    .radius_packets = "RADIUS packets",
    .timeline = "Timeline",
    .timeline_intro = "Time since the start, 0 =",
    .lane_phases = "Run phases",
    .lane_conversations = "Conversations",
    .lane_attempts = "Attempts",
    .lane_eap = "EAP",
    .more_prefix = "",
    .more_suffix = " more",
    .no_events = "No timed events (no frames)",
    .unit_ms = "ms",
    .unit_s = "s",
    .unit_min = "min",
    .unit_h = "h",
    .phase = {"discovery", "probing", "waiting for answers", "analysis"},
};

} // namespace

const Strings& strings(Lang lang) {
    return lang == Lang::ja ? k_ja : k_en;
}

std::string sentence_html(const Strings& s, const model::Sentence& x) {
    return html_escape(model::render(x, s.lang));
}

std::string phase_label(const Strings& s, std::string_view name) {
    constexpr std::array<std::string_view, 4> k_engine_names{"discovery", "probing", "waiting", "analysis"};
    for (std::size_t i = 0; i < k_engine_names.size(); ++i)
        if (name == k_engine_names[i]) return std::string(s.phase[i]);
    return html_escape(name);
}

std::string more_text(const Strings& s, std::size_t n) {
    return std::string(s.more_prefix) + std::to_string(n) + std::string(s.more_suffix);
}

std::string duration_text(const Strings& s, std::uint64_t ns) {
    const double secs = static_cast<double>(ns) / 1e9;
    const auto [value, unit] = secs < 1      ? std::pair{secs * 1e3, s.unit_ms}
                               : secs < 120  ? std::pair{secs, s.unit_s}
                               : secs < 7200 ? std::pair{secs / 60, s.unit_min}
                                             : std::pair{secs / 3600, s.unit_h};
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.3g", value);
    return std::string(buf) + " " + std::string(unit);
}

} // namespace isoprobe::report::html
