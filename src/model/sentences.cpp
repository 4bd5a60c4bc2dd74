// The catalogue of the report's sentences, one row per code: {param} placeholders in an English and a
// Japanese template. Adding a sentence is one row here and a `say` at its call site (docs/report.md,
// "Sentences").
#include <algorithm>
#include <array>

#include "model/sentence.hpp"

namespace isoprobe::model {

namespace {

// Japanese: the concise style of an audit report (である調, 体言止め), network terms as engineers write them.
constexpr SentenceTemplate k_sentences[] = {
    // The client certificate of an EAP-TLS handshake (analyze/eap_tls_reassembly.cpp).
    {"eap.client-cert.tls13",
     "TLS 1.3 encrypts the client's Certificate message (RFC 9190), so a capture cannot show it.",
     "TLS 1.3 ではクライアントの Certificate メッセージが暗号化される（RFC "
     "9190）ため、キャプチャでは確認できない。"},
    {"eap.client-cert.sent", "The client sent a Certificate message with {count} certificate(s).",
     "クライアントが証明書 {count} 件を含む Certificate メッセージを送信。"},
    {"eap.client-cert.empty", "The client sent an empty Certificate message.",
     "クライアントが空の Certificate メッセージを送信。"},
    {"eap.client-cert.resumed",
     "Abbreviated handshake (session resumption): certificates were checked on an earlier connection, not "
     "this one.",
     "短縮ハンドシェイク（セッション再開）：証明書の検証はこの接続ではなく以前の接続で行われている。"},
    {"eap.client-cert.unanswered", "The client answered CertificateRequest without a Certificate.",
     "クライアントは CertificateRequest に対し Certificate を送らずに応答。"},
    {"eap.client-cert.not-asked", "The server did not ask for a client certificate.",
     "サーバはクライアント証明書を要求していない。"},
    {"eap.client-cert.unseen", "The client's side of the handshake was not seen in full.",
     "クライアント側のハンドシェイクを完全には確認できていない。"},
    // wlan-encryption and 8021x-eap-tls (verdict/security.cpp).
    {"bss.named", "BSS {bssid} (\"{ssid}\")", "BSS {bssid}（\"{ssid}\"）"},
    {"bss.hidden", "BSS {bssid} (hidden SSID)", "BSS {bssid}（SSID 非公開）"},
    {"wlan.bss", "{bss} is {class}{how}{why}", "{bss} は {class}{how}{why}"},
    {"wlan.from-station", " (from a station's association request)", "（端末のアソシエーション要求による）"},
    {"wlan.malformed-only", " (only frames with malformed elements were heard)",
     "（不正な情報要素を含むフレームのみ受信）"},
    {"wlan.open", ": no encryption.", "：暗号化なし。"},
    {"wlan.owe", ": OWE encrypts but authenticates no one and is neither WPA2 nor WPA3.",
     "：OWE は暗号化するが認証を行わず、WPA2 でも WPA3 でもない。"},
    {"wlan.wep", ": WEP is broken.", "：WEP は既に破られた方式。"},
    {"wlan.wpa1", ": WPA(1)/TKIP is deprecated.", "：WPA(1)/TKIP は非推奨。"},
    {"wlan.unknown-akm", ": it advertises no AKM we recognise.", "：既知の AKM を広告していない。"},
    {"wlan.mixed-wpa1", ", but it also accepts WPA(1) stations (WPA/WPA2 mixed mode).",
     "。ただし WPA(1) の端末も受け入れる（WPA/WPA2 混在モード）。"},
    {"wlan.legacy-cipher", ", but it allows TKIP or WEP ciphers.",
     "。ただし TKIP または WEP の暗号方式を許可。"},
    {"wlan.ok", " (PMF {pmf}).", "（PMF {pmf}）。"},
    {"wlan.cut-short", ": its elements are cut short, which proves no class.",
     "：情報要素が途中で切れており、種別を証明できない。"},
    {"wlan.nothing", "No beacon, probe response or association request was captured.",
     "ビーコン、プローブ応答、アソシエーション要求のいずれもキャプチャされていない。"},
    {"eap.supplicant", "Supplicant {who}{via}, frames {first}-{last}",
     "サプリカント {who}{via}（フレーム {first}-{last}）"},
    {"eap.unknown-supplicant", "unknown supplicant", "不明"},
    {"eap.via-identity", " (identity \"{identity}\")", "（ID \"{identity}\"）"},
    {"eap.via-radius", " via RADIUS (NAS {nas})", "、RADIUS 経由（NAS {nas}）"},
    {"eap.method", "EAP type {type} ({name})", "EAP タイプ {type}（{name}）"},
    {"eap.method.password", "EAP type {type} ({name}), a password method",
     "EAP タイプ {type}（{name}、パスワード方式）"},
    {"eap.method.tunnel", "EAP type {type} ({name}), a tunnel that may carry a password inside",
     "EAP タイプ {type}（{name}、内部でパスワードを運び得るトンネル方式）"},
    {"eap.bss-not-enterprise", "{bss} is {class}: stations join it without IEEE 802.1X authentication.",
     "{bss} は {class}：端末は IEEE 802.1X 認証なしで接続できる。"},
    {"eap.success-no-method",
     "{who}: EAP-Success without an observed method exchange (the capture may have begun mid-exchange).",
     "{who}：認証方式のやり取りが観測されないまま EAP-Success（キャプチャが交換の途中から始まった可能性）。"},
    {"eap.success-not-tls", "{who}: authentication completed with {method}, not EAP-TLS.",
     "{who}：EAP-TLS ではなく {method} で認証が完了。"},
    {"eap.tls-unseen", "{who}: EAP-TLS completed but its TLS handshake was not captured.",
     "{who}：EAP-TLS は完了したが、TLS ハンドシェイクはキャプチャされていない。"},
    {"eap.tls-version", " (TLS {version})", "（TLS {version}）"},
    {"eap.tls-client-cert", "{who}: EAP-TLS{version} completed with a client certificate.",
     "{who}：EAP-TLS{version} がクライアント証明書ありで完了。"},
    {"eap.tls-client-cert-subject",
     "{who}: EAP-TLS{version} completed with a client certificate ({subject}).",
     "{who}：EAP-TLS{version} がクライアント証明書（{subject}）ありで完了。"},
    {"eap.tls-client-cert-hidden",
     "{who}: EAP-TLS{version} completed; the client certificate is not observable: {why} EAP-TLS servers "
     "require "
     "one to succeed.",
     "{who}：EAP-TLS{version} が完了。クライアント証明書は観測できない：{why}EAP-TLS "
     "サーバは認証成功にクライアント"
     "証明書を必須とする。"},
    {"eap.tls-no-client-cert", "{who}: EAP-TLS{version} completed without a client certificate: {why}",
     "{who}：EAP-TLS{version} がクライアント証明書なしで完了：{why}"},
    {"eap.tls-client-cert-unknown", "{who}: EAP-TLS{version} completed, but {why}",
     "{who}：EAP-TLS{version} は完了したが、{why}"},
    {"eap.unsuccessful",
     "{failed} attempt(s) ended in EAP-Failure and {incomplete} did not finish; they prove no accepted "
     "method.",
     "{failed} 件の試行が EAP-Failure で終了、{incomplete} "
     "件が未完了。受け入れられる方式の証明にはならない。"},
    {"eap.no-exchange", "{count} BSS(es) advertise an IEEE 802.1X AKM, but no EAP exchange was captured.",
     "{count} 件の BSS が IEEE 802.1X の AKM を広告しているが、EAP のやり取りはキャプチャされていない。"},
    {"eap.no-success", "No authentication completed with EAP-Success.", "EAP-Success で完了した認証はない。"},
    {"eap.nothing", "No EAP exchange and no access point were captured.",
     "EAP のやり取りもアクセスポイントもキャプチャされていない。"},
    // `isoprobe eap --enumerate` (verdict/security.cpp).
    {"enum.accepts-others",
     "the authenticator accepts EAP methods other than certificate-only EAP-TLS: {methods}",
     "オーセンティケータが証明書のみの EAP-TLS 以外の EAP 方式を受け入れる：{methods}"},
    {"enum.tls-only", "the authenticator accepts EAP-TLS and refused every other method proposed",
     "オーセンティケータは EAP-TLS を受け入れ、提示した他の方式をすべて拒否"},
    {"enum.tls-first",
     "the authenticator proposes EAP-TLS first; run with --enumerate to learn whether it accepts other "
     "methods",
     "オーセンティケータは最初に EAP-TLS を提示。他の方式を受け入れるかは --enumerate で確認が必要"},
    {"enum.no-method", "the authenticator proposed no method", "オーセンティケータは方式を提示しなかった"},
    {"enum.none-accepted", "no method was accepted (no answer, or everything refused)",
     "受け入れられた方式なし（応答なし、またはすべて拒否）"},
    // A full analysis table (verdict/full_tables.cpp).
    {"full-table",
     "The {table} was full ({capacity}): {at_least}{dropped} {entries} were not analysed, and any of them "
     "could fail "
     "this requirement.",
     "{table}が上限（{capacity}）に達した：{at_least}{dropped} "
     "件の{entries}が未解析であり、そのいずれもこの要件を"
     "不合格にし得る。"},
    {"full-table.at-least", "at least ", "少なくとも "},
    {"table.stations", "station table", "端末テーブル"},
    {"table.flows", "flow table", "フローテーブル"},
    {"table.bss", "BSS table", "BSS テーブル"},
    {"table.eap-sessions", "EAP session table", "EAP セッションテーブル"},
    {"entries.stations", "station(s)", "端末"},
    {"entries.flows", "flow(s)", "フロー"},
    {"entries.bss", "BSS(es)", "BSS"},
    {"entries.eap-sessions", "EAP session(s)", "EAP セッション"},
    // ap-inventory (verdict/ap_inventory.cpp).
    {"survey.nothing",
     "No beacon, probe response or association request was captured: the survey needs an 802.11 monitor-mode "
     "capture taken around the site.",
     "ビーコン、プローブ応答、アソシエーション要求のいずれもキャプチャされていない：点検には拠点内を巡回して"
     "取得した 802.11 モニタモードのキャプチャが必要。"},
    {"survey.counts",
     "{seen} BSS(es) seen: {authorised} of authorised SSIDs, {ignored} of ignored SSIDs, {unknown} not in "
     "the "
     "inventory.",
     "BSS {seen} 件を検出：許可 SSID {authorised} 件、除外 SSID {ignored} 件、台帳にないもの {unknown} 件。"},
    {"survey.missing",
     "{count} authorised BSSID(s) or prefix(es) not seen: check whether those access points are still in "
     "use.",
     "許可済みの BSSID またはプレフィックス {count} "
     "件を検出できず：当該アクセスポイントが現在も使用されているか"
     "要確認。"},
    {"survey.unknown-ssids",
     "Each unknown SSID is either an unauthorised access point or a neighbour's: list it under networks or "
     "ignore_ssids.",
     "未知の SSID は無許可アクセスポイントか近隣のもののいずれか：台帳の networks または ignore_ssids に記載"
     "すること。"},
    // terminal-isolation from a capture (verdict/terminal_isolation.cpp).
    {"iso.conversations",
     "{total} terminal-to-terminal conversation(s): {unicast} unicast ({via} via the gateway), {broadcast} "
     "broadcast/multicast",
     "端末間通信 {total} 件：ユニキャスト {unicast} 件（うちゲートウェイ経由 {via} "
     "件）、ブロードキャスト/マルチ"
     "キャスト {broadcast} 件"},
    {"iso.first", "first: {evidence}", "最初の通信：{evidence}"},
    {"iso.no-frames", "no decodable frames in the capture", "キャプチャに解読可能なフレームがない"},
    {"iso.no-attempts",
     "no terminal tried to reach another terminal: nothing on the capture shows the segment could have "
     "carried "
     "terminal-to-terminal traffic",
     "他の端末への到達を試みた端末がない：このセグメントが端末間通信を運び得たことを示すものがキャプチャにな"
     "い"},
    {"iso.no-self",
     "no capturing host is known, and a mirror or span port may not carry what terminals send each other (an "
     "uplink mirror never does): give --self when the capture was taken on a terminal",
     "キャプチャ取得端末が不明であり、ミラーポート（SPAN）には端末同士の通信が流れないことがある（アップリン"
     "クの"
     "ミラーには流れない）：端末上で取得したキャプチャであれば --self を指定すること"},
    {"iso.no-proving-attempt",
     "{count} attempt(s) to reach other terminals, but none {by}toward a station seen transmitting on this "
     "segment: nothing shows the target was there to answer, or that its answer would have been captured",
     "他の端末への到達試行 {count} "
     "件。ただし{by}このセグメントで送信が確認された端末に向けたものはない：相手が"
     "応答できる状態にあったことも、その応答がキャプチャされ得たことも示されない"},
    {"iso.by-self", "by the capturing host {self} ", "キャプチャ取得端末 {self} から"},
    {"iso.too-few",
     "only {frames} frame(s) of attempts toward terminals seen on this segment: too few to rest a pass on "
     "(at least "
     "{min}, so that one stray or lost frame cannot decide)",
     "このセグメントで確認された端末への試行フレームは {frames} 件のみ：適合の根拠には不足（1 "
     "フレームの迷入や"
     "欠落で判定が変わらないよう最低 {min} 件必要）"},
    {"iso.self-few-unicast",
     "the capturing host {self} received fewer than 2 unicast frames: answers might not have been captured",
     "キャプチャ取得端末 {self} が受信したユニキャストフレームが 2 "
     "件未満：応答がキャプチャされていない可能性"},
    {"iso.one-direction",
     "no station was heard exchanging frames in both directions with infrastructure: the capture may hold "
     "one "
     "direction only, so answers might be missing",
     "基盤機器と双方向にフレームを交換した端末がない：キャプチャが片方向のみの可能性があり、応答が欠落してい"
     "る"
     "おそれ"},
    {"iso.unanswered",
     "{frames} frame(s) of {attempts} attempt(s) toward {targets} terminal(s) seen transmitting on this "
     "segment "
     "got no answer (frames {list})",
     "このセグメントで送信が確認された端末 {targets} 台への試行 {attempts} 件（{frames} フレーム）に応答なし"
     "（フレーム番号 {list}）"},
    {"iso.answers-recorded", "the capture records answers: {how}", "キャプチャは応答を記録している：{how}"},
    // terminal-isolation from a live run (verdict/terminal_isolation.cpp).
    {"iso.hit", "{method}->{peer}", "{method}->{peer}"},
    {"iso.hit-frame", "{method}->{peer} (frame {frame})", "{method}->{peer}（フレーム {frame}）"},
    {"iso.passive", "passive watch: {why}", "受動監視：{why}"},
    {"iso.control-failed", "control failed: {control}: {detail}", "前提条件の不成立：{control}：{detail}"},
    {"iso.sentinel-received", "the sentinel {sentinel} received our probes: {hits}",
     "センチネル {sentinel} がプローブを受信：{hits}"},
    {"iso.peers-answered", "peers answered from their own addresses: {hits}",
     "相手端末が自身のアドレスから応答：{hits}"},
    {"iso.hosts-answered",
     "hosts answered, but no gateway was resolved, so any of them may be the router rather than a terminal",
     "ホストが応答したが、ゲートウェイを解決できなかったため、いずれも端末ではなくルータである可能性"},
    {"iso.hosts-answered-list",
     "hosts answered ({hits}), but no gateway was resolved, so any of them may be the router rather than a "
     "terminal",
     "ホストが応答したが（{hits}"
     "）、ゲートウェイを解決できなかったため、いずれも端末ではなくルータである可能性"},
    {"iso.no-sentinel",
     "no probe reached a peer, but without --sentinel silence is not proof of isolation (a peer may simply "
     "not "
     "answer)",
     "どのプローブも相手端末に到達しなかったが、--sentinel "
     "なしでは無応答は隔離の証明にならない（相手端末が単に"
     "応答しない可能性）"},
    {"iso.sentinel-incomplete", "not every method could be run against the sentinel",
     "一部の方式をセンチネルに対して実行できなかった"},
    {"iso.live-pass",
     "all {runs} methods sent toward the sentinel {sentinel} were not received there (each sent up to "
     "{rounds} "
     "times), no peer answered, and every control passed: the sentinel heard the same gateway (frame "
     "{frame})",
     "センチネル {sentinel} に向けた {runs} 方式はいずれもセンチネルで受信されず（各方式最大 {rounds} "
     "回送信）、"
     "応答した相手端末もなく、前提条件はすべて成立：センチネルは同じゲートウェイを受信（フレーム {frame}）"},
    {"iso.sentinel-received-routed",
     "the sentinel {sentinel} on {segment} received our probes routed from {from}: {hits}",
     "{segment} 上のセンチネル {sentinel} が {from} からルーティングされたプローブを受信：{hits}"},
    {"iso.cross-pass",
     "all {runs} routed methods sent from {from} through its gateway to the sentinel {sentinel} were not "
     "received there (each sent up to {rounds} times), and every control passed: each side's own gateway "
     "answered, the sentinel's in frame {frame}",
     "{from} からゲートウェイ経由でセンチネル {sentinel} に向けたルーティング可能な {runs} "
     "方式はいずれもセンチネルで受信されず（各方式最大 {rounds} 回送信）、前提条件はすべて成立："
     "両側とも自セグメントのゲートウェイが応答（センチネル側はフレーム {frame}）"},
    {"iso.cross-scope",
     "cross-segment run: the verdict is about the separation of segment {probe} from segment {sentinel}, "
     "probed with routed methods only; terminals within either segment were not probed, only the passive "
     "watch saw the probe's own segment",
     "セグメント間試験：判定はセグメント {probe} とセグメント {sentinel} "
     "の分離に関するもので、試験はルーティング可能な方式のみ。各セグメント内の端末は試験しておらず、"
     "プローブ側セグメントは受動監視のみで観測"},
    {"run.interrupted", "the run was interrupted", "実行が中断された"},
    {"run.interrupted-by", "the run was interrupted: {why}", "実行が中断された：{why}"},
    // The requirements' scope (verdict/decide.cpp).
    {"scope.only-ignored",
     "Only {count} BSS(es) of SSIDs the inventory ignores (ignore_ssids) were captured: none of the site's "
     "own "
     "networks to judge.",
     "キャプチャされたのは台帳で除外された SSID（ignore_ssids）の BSS {count} 件のみ：判定対象となる自組織の"
     "ネットワークがない。"},
    {"scope.ignored", "{count} BSS(es) of SSIDs the inventory ignores (ignore_ssids) left out.",
     "台帳で除外された SSID（ignore_ssids）の BSS {count} 件は対象外。"},
    {"survey.no-inventory", "no inventory given (--inventory FILE)", "台帳の指定なし（--inventory FILE）"},
    {"enum.not-tested", "not tested by `isoprobe eap`: it only talks to the port's 802.1X authenticator",
     "`isoprobe eap` では未試験：ポートの 802.1X オーセンティケータとのみ通信するため"},
    // Station roles in a sentence (model::role_sentence): the English is the role's name.
    {"role.self", "self", "自端末"},
    {"role.gateway", "gateway", "ゲートウェイ"},
    {"role.dhcp-server", "dhcp-server", "DHCP サーバ"},
    {"role.dns-server", "dns-server", "DNS サーバ"},
    {"role.authenticator", "authenticator", "オーセンティケータ"},
    {"role.ap", "ap", "アクセスポイント"},
    {"role.switch", "switch", "スイッチ"},
    {"role.infra", "infra", "基盤機器"},
    {"role.terminal", "terminal", "端末"},
    // What the capture shows of terminals (analyze/isolation.cpp, analyze/analysis.cpp).
    {"link.unread", "no decodable frames: isoprobe does not read link type {types}",
     "解読可能なフレームなし：isoprobe はリンク種別 {types} に対応していない"},
    {"link.ip-only",
     "link type {types} carries IP packets without MAC addresses: the capture shows which IP addresses "
     "talked, not "
     "which hosts share a link, so no terminal can be told",
     "リンク種別 {types} は MAC アドレスを持たない IP パケットを運ぶ：キャプチャから分かるのは通信した IP "
     "アドレス"
     "であり、どのホストが同一リンク上にあるかは分からないため、端末を特定できない"},
    {"answers.self", "the capturing host {self} received {count} unicast frames (first: frames {frames})",
     "キャプチャ取得端末 {self} がユニキャストフレーム {count} 件を受信（最初のフレーム番号 {frames}）"},
    {"answers.both-ways",
     "{role_a} {a} and {role_b} {b} were heard exchanging frames in both directions (frames {frames})",
     "{role_a} {a} と{role_b} {b} の双方向のフレーム交換を確認（フレーム番号 {frames}）"},
    {"conv.ap-relay-group",
     "the access point relayed group-addressed frames from station {x} to every station of its BSS (FromDS, "
     "SA={x})",
     "アクセスポイントが端末 {x} のグループ宛てフレームを BSS 内の全端末へ中継（FromDS、SA={x}）"},
    {"conv.ap-relay",
     "the access point relayed frames from station {x} to station {y} (FromDS, SA={x}, DA={y})",
     "アクセスポイントが端末 {x} から端末 {y} へフレームを中継（FromDS、SA={x}、DA={y}）"},
    {"conv.self-group", "the capturing host {self} received group-addressed frames sent by terminal {x}",
     "キャプチャ取得端末 {self} が端末 {x} の送信したグループ宛てフレームを受信"},
    {"conv.bounce", "gateway {gateway} relayed packets from {src} to terminal {y} (gateway bouncing)",
     "ゲートウェイ {gateway} が {src} からのパケットを端末 {y} へ中継（ゲートウェイでの折り返し）"},
    {"conv.self-received", "the capturing host {self} received unicast frames from terminal {x}",
     "キャプチャ取得端末 {self} が端末 {x} からユニキャストフレームを受信"},
    {"conv.both-ways", "unicast frames in both directions between {x} and {y}",
     "{x} と {y} の間で双方向のユニキャストフレーム"},
    {"conv.answered", "terminal {x} answered a request from {y}", "端末 {x} が {y} からの要求に応答"},
    {"try.to-ap", "station {x} sent frames for station {y} to the access point (ToDS); no relay was captured",
     "端末 {x} が端末 {y} 宛てのフレームをアクセスポイントへ送信（ToDS）。中継はキャプチャされていない"},
    {"try.via-gateway",
     "terminal {x} sent packets for {dst} to gateway {gateway}; no relayed copy or answer was captured",
     "端末 {x} が {dst} 宛てのパケットをゲートウェイ {gateway} "
     "へ送信。中継されたパケットも応答もキャプチャされて"
     "いない"},
    {"try.unicast", "unicast frames from {x} to {y} with no answer captured",
     "{x} から {y} へのユニキャストフレーム。応答はキャプチャされていない"},
    {"try.cooked",
     "the capturing host {self} sent packets for {dst} (the Linux cooked capture records no destination "
     "MAC); no "
     "answer captured",
     "キャプチャ取得端末 {self} が {dst} 宛てのパケットを送信（Linux cooked capture は宛先 MAC "
     "を記録しない）。"
     "応答はキャプチャされていない"},
    {"try.arp", "{x} asked who has {target} (ARP); no answer captured",
     "{x} が {target} の ARP 要求（who has）を送信。応答はキャプチャされていない"},
    {"obs.proxy-arp",
     "proxy ARP: gateway {gateway} answered ARP for {count} terminal address(es) with its own MAC (first "
     "{first}): "
     "RFC 3069 / private-VLAN isolation; its replies are not contact",
     "代理ARP：ゲートウェイ {gateway} が端末アドレス {count} 件の ARP に自身の MAC で応答（最初は {first}）："
     "RFC 3069／プライベート VLAN による隔離であり、この応答は端末間の接触ではない"},
    {"obs.redirect",
     "gateway {gateway} would route terminal-to-terminal traffic from {from} to {to} (ICMP redirect, frame "
     "{frame}); nothing shows it was delivered",
     "ゲートウェイ {gateway} は {from} から {to} への端末間通信をルーティングし得る（ICMP "
     "リダイレクト、フレーム "
     "{frame}）。配送されたことを示すものはない"},
    // Infrastructure signs (analyze/infra_signs.cpp).
    {"sign.eigrp", "speaks EIGRP (a router)", "EIGRP を送信（ルータ）"},
    {"sign.ospf", "speaks OSPF (a router)", "OSPF を送信（ルータ）"},
    {"sign.pim", "speaks PIM (a multicast router)", "PIM を送信（マルチキャストルータ）"},
    {"sign.vrrp", "speaks VRRP or CARP (a first-hop redundancy router)",
     "VRRP または CARP を送信（ファーストホップ冗長化ルータ）"},
    {"sign.rip", "speaks RIP (a router)", "RIP を送信（ルータ）"},
    {"sign.ripng", "speaks RIPng (a router)", "RIPng を送信（ルータ）"},
    {"sign.bgp", "speaks BGP (a router)", "BGP で通信（ルータ）"},
    {"sign.hsrp", "speaks HSRP (a first-hop redundancy router)",
     "HSRP を送信（ファーストホップ冗長化ルータ）"},
    {"sign.hsrp6", "speaks HSRP for IPv6 (a first-hop redundancy router)",
     "IPv6 用 HSRP を送信（ファーストホップ冗長化ルータ）"},
    {"sign.glbp", "speaks GLBP (a first-hop redundancy router)",
     "GLBP を送信（ファーストホップ冗長化ルータ）"},
    {"sign.radius", "speaks RADIUS (a NAS or its RADIUS server)",
     "RADIUS で通信（NAS またはその RADIUS サーバ）"},
    {"sign.radius-acct", "speaks RADIUS accounting (a NAS or its RADIUS server)",
     "RADIUS アカウンティングで通信（NAS またはその RADIUS サーバ）"},
    {"sign.tacacs", "speaks TACACS+ (a network device or its AAA server)",
     "TACACS+ で通信（ネットワーク機器またはその AAA サーバ）"},
    {"sign.lwapp", "speaks LWAPP (an access point or its controller)",
     "LWAPP で通信（アクセスポイントまたはそのコントローラ）"},
    {"sign.capwap", "speaks CAPWAP (an access point or its controller)",
     "CAPWAP で通信（アクセスポイントまたはそのコントローラ）"},
    {"sign.pppoe", "offers PPPoE sessions (an access concentrator)",
     "PPPoE セッションを提供（アクセスコンセントレータ）"},
    // A station's role: the claims of its `why`, "; "-joined (analyze/stations.cpp).
    {"station.why", "{claims}", "{claims}"},
    {"st.self", "capturing host ({how})", "キャプチャ取得端末（{how}）"},
    {"st.default-gateway", "the default gateway of the probed interface (routing table and ARP)",
     "試験インタフェースのデフォルトゲートウェイ（ルーティングテーブルと ARP による）"},
    {"st.declared-gateway", "declared the gateway with --gateway", "--gateway でゲートウェイと指定"},
    {"st.virtual-router", "the virtual router MAC of {protocol} (first-hop redundancy)",
     "{protocol} の仮想ルータ MAC（ファーストホップ冗長化）"},
    {"st.sign", "{sign}, frame {frame}", "{sign}、フレーム {frame}"},
    {"st.router-source", "uses {ip}, the source address of {speaker}, which {sign}, frame {frame}",
     "{speaker}（{sign}、フレーム {frame}）の送信元アドレス {ip} を使用"},
    {"st.routed", "forwards routed packets (TTL or hop limit {ttl} below any initial value, frame {frame})",
     "ルーティングされたパケットを転送（TTL またはホップリミット {ttl} "
     "がいずれの初期値よりも小さい、フレーム "
     "{frame}）"},
    {"st.router-icmp", "sends ICMP redirects or time-exceeded messages (a router), frame {frame}",
     "ICMP リダイレクトまたは時間超過メッセージを送信（ルータ）、フレーム {frame}"},
    {"st.na-router", "advertises itself as a router in IPv6 neighbour advertisements, frame {frame}",
     "IPv6 の近隣広告で自身をルータとして広告、フレーム {frame}"},
    {"st.ra", "sends IPv6 router advertisements", "IPv6 ルータ広告を送信"},
    {"st.lease-router", "owns {ip}, the router of the DHCP lease", "DHCP リースのルータ {ip} を保有"},
    {"st.behind", "{count} IPv4 addresses behind one MAC (routes traffic)",
     "1 つの MAC の背後に IPv4 アドレス {count} 個（トラフィックをルーティング）"},
    {"st.behind-off-subnet", "{count} off-subnet IPv4 addresses behind one MAC (routes traffic)",
     "1 つの MAC の背後にサブネット外の IPv4 アドレス {count} 個（トラフィックをルーティング）"},
    {"st.dhcp-server", "answers DHCP (offer/ack)", "DHCP に応答（offer/ack）"},
    {"st.dhcp-addressed", "is sent DHCP messages by clients (a DHCP server)",
     "クライアントから DHCP メッセージを受信（DHCP サーバ）"},
    {"st.dns", "answers DNS on port 53", "ポート 53 で DNS に応答"},
    {"st.eap", "sends EAP requests (802.1X authenticator)", "EAP 要求を送信（802.1X オーセンティケータ）"},
    {"st.beacon", "sends beacons or probe responses (access point)",
     "ビーコンまたはプローブ応答を送信（アクセスポイント）"},
    {"st.bssid", "is a BSSID (access point)", "BSSID として使用（アクセスポイント）"},
    {"st.switch", "sends STP, LLDP or CDP (switch)", "STP、LLDP または CDP を送信（スイッチ）"},
    {"st.declared-infra", "declared infrastructure with --infra", "--infra で基盤機器と指定"},
    {"st.terminal", "no infrastructure evidence", "基盤機器である根拠なし"},
    {"st.terminal-behind-ap",
     "no infrastructure evidence; never on the air itself (behind the access point's distribution system)",
     "基盤機器である根拠なし。自身は無線上に現れない（アクセスポイントの配信システムの背後）"},
    // The access-point survey's findings (analyze/inventory.cpp).
    {"inv.failing", "{bss}: {detail}", "{bss}：{detail}"},
    {"inv.unknown-bssid",
     "an authorised SSID from a BSSID not in its list: a possible evil twin or unauthorised access point.",
     "許可 SSID を台帳にない BSSID が送信：なりすまし（evil twin）または無許可アクセスポイントの可能性。"},
    {"inv.weaker", "advertises {class}{how}, below the inventory's minimum {min}.",
     "{class}{how}を広告しており、台帳の最低要件 {min} を下回る。"},
    {"inv.unknown-ssid", "an SSID in neither networks nor ignore_ssids{listed}.",
     "networks にも ignore_ssids にもない SSID{listed}。"},
    {"inv.hidden-unknown", "a hidden SSID from a BSSID not in the inventory{listed}.",
     "台帳にない BSSID からの非公開 SSID{listed}。"},
    {"inv.listed-for", "; its BSSID is listed for \"{ssid}\"", "。その BSSID は台帳上 \"{ssid}\" のもの"},
    {"inv.open", "open: stations join without encryption.", "オープン：端末は暗号化なしで接続する。"},
    {"inv.wep", "WEP: its encryption is broken and it has no real authentication.",
     "WEP：暗号は既に破られており、実質的な認証もない。"},
    {"inv.ok", "authorised BSSID, {class}{how} meets the minimum {min}.",
     "許可済み BSSID。{class}{how}は最低要件 {min} を満たす。"},
    {"inv.ok-hidden", "hidden SSID matched by BSSID; authorised BSSID, {class}{how} meets the minimum {min}.",
     "非公開 SSID を BSSID で照合。許可済み BSSID。{class}{how}は最低要件 {min} を満たす。"},
    {"inv.not-seen",
     "authorised BSSID never seen: the access point may be unused, switched off or out of range.",
     "許可済み BSSID を一度も検出せず：アクセスポイントが未使用、電源断、または受信範囲外の可能性。"},
    {"inv.prefix-not-seen", "no BSS seen under the authorised prefix {prefix}.",
     "許可済みプレフィックス {prefix} の BSS を検出せず。"},
    // Why a contact method was not run (probes/*.cpp, probe/engine.cpp).
    {"probe.no-mac", "the peer's MAC address is unknown (it never answered ARP)",
     "相手端末の MAC アドレスが不明（ARP に一度も応答していない）"},
    {"probe.no-ipv4", "no IPv4 address known for the peer", "相手端末の IPv4 アドレスが不明"},
    {"probe.no-gateway-to-answer", "no gateway to answer the stolen address",
     "奪ったアドレスに応答するゲートウェイがない"},
    {"probe.no-gateway", "no gateway answered ARP on the segment",
     "セグメント上で ARP に応答したゲートウェイがない"},
    {"probe.no-ipv6", "{interface} has no IPv6 address", "{interface} に IPv6 アドレスがない"},
    {"probe.interrupted-before", "the run was interrupted before this method ran",
     "この方式の実行前に実行が中断された"},
    {"probe.no-gateway-to-route",
     "no gateway answered ARP on the probe's segment: nothing routes toward the sentinel",
     "プローブ側セグメントで ARP に応答したゲートウェイがない：センチネルへルーティングする経路がない"},
    {"probe.no-gateway-to-claim", "no gateway whose address to claim",
     "アドレスを奪取する対象のゲートウェイがない"},
    {"probe.segment-bound", "cross-segment mode: {why}; only routed methods can reach the sentinel's segment",
     "セグメント間モード：{why}。センチネルのセグメントに届くのはルーティング可能な方式のみ"},
    {"probe.sampled-peers",
     "sent to the first {count} peers only: a segment floods group frames to every port alike, and each "
     "costs "
     "every host some work",
     "最初の {count} 台の相手端末にのみ送信：グループ宛てフレームはセグメントの全ポートに一様に流れ、"
     "1 フレームごとに全ホストに処理負荷がかかるため"},
    // Why a method cannot reach a sentinel on another segment (probe::Method::segment_bound, probes/*.cpp).
    {"bound.default", "it does not cross a router", "ルータを越えない"},
    {"bound.arp", "ARP (RFC 826) stays on its broadcast domain: a router never forwards it",
     "ARP（RFC 826）はブロードキャストドメイン内にとどまり、ルータは転送しない"},
    {"bound.ipv6", "IPv6 is probed through ff02::1 and neighbour solicitations, which never cross a router",
     "IPv6 は ff02::1 と近隣要請で試験しており、これらはルータを越えない"},
    {"bound.l2-unicast", "an Ethernet frame to the sentinel's MAC: bridges forward it, routers never do",
     "センチネルの MAC 宛ての Ethernet フレーム：ブリッジは転送するが、ルータは転送しない"},
    {"bound.llmnr", "LLMNR (RFC 4795) uses the link-local group 224.0.0.252: a router never forwards it",
     "LLMNR（RFC 4795）はリンクローカルのグループ 224.0.0.252 を使い、ルータは転送しない"},
    {"bound.mdns", "mDNS (RFC 6762) uses the link-local group 224.0.0.251: a router never forwards it",
     "mDNS（RFC 6762）はリンクローカルのグループ 224.0.0.251 を使い、ルータは転送しない"},
    {"bound.nbns",
     "the NetBIOS name service (RFC 1002) is a subnet broadcast protocol: a router never forwards it",
     "NetBIOS 名前サービス（RFC 1002）はサブネット内ブロードキャストのプロトコルであり、ルータは転送しない"},
    {"bound.port-steal",
     "port stealing claims the sentinel's MAC on the probe's switch, where the sentinel is not",
     "ポートスチールはセンチネルの MAC をプローブ側のスイッチで奪うが、センチネルはそのスイッチにいない"},
    {"bound.port-steal-uplink",
     "claiming the gateway's MAC takes the probe's switch's uplink traffic, not the sentinel segment's",
     "ゲートウェイの MAC の奪取で得られるのはプローブ側スイッチのアップリンク通信であり、"
     "センチネル側セグメントの通信ではない"},
    {"bound.ssdp", "SSDP discovery (239.255.255.250) belongs to one local network: routers do not forward it",
     "SSDP 探索（239.255.255.250）は一つのローカルネットワーク内のものであり、ルータは転送しない"},
    {"bound.unicast-in-broadcast",
     "group-addressed frames stay on their broadcast domain: a router never forwards them",
     "グループ宛てフレームはブロードキャストドメイン内にとどまり、ルータは転送しない"},
    {"bound.wsd",
     "WS-Discovery (239.255.255.250, ff02::c) belongs to one local network: routers do not forward it",
     "WS-Discovery（239.255.255.250、ff02::"
     "c）は一つのローカルネットワーク内のものであり、ルータは転送しない"},
    // What the SMB follow-up learnt of a peer with port 445 open (probes/smb.cpp).
    {"smb.no-socket", "SMB negotiation not possible: {error}", "SMB ネゴシエーション不可：{error}"},
    {"smb.connect-failed", "TCP connection to port 445 failed: {error}",
     "ポート 445 への TCP 接続に失敗：{error}"},
    {"smb.connect-error", "TCP connection to port 445 did not complete: {error}",
     "ポート 445 への TCP 接続が完了せず：{error}"},
    {"smb.connect-timeout", "TCP connection to port 445 did not complete",
     "ポート 445 への TCP 接続が完了せず"},
    {"smb.send-failed", "SMB2 NEGOTIATE could not be sent", "SMB2 NEGOTIATE を送信できなかった"},
    {"smb.smb1", "port 445 open; the server answered in SMB1", "ポート 445 が開放。サーバは SMB1 で応答"},
    {"smb.refused", "port 445 open; SMB2 NEGOTIATE refused (status {status})",
     "ポート 445 が開放。SMB2 NEGOTIATE を拒否（ステータス {status}）"},
    {"smb.dialect", "port 445 open; SMB2 NEGOTIATE chose {dialect}",
     "ポート 445 が開放。SMB2 NEGOTIATE で {dialect} を選択"},
    {"smb.not-smb2", "port 445 open; the answer is not SMB2", "ポート 445 が開放。応答は SMB2 ではない"},
    {"smb.no-answer", "port 445 open; no SMB2 answer", "ポート 445 が開放。SMB2 の応答なし"},
    // What the probe's matcher saw (probe/matcher.cpp).
    {"frame.arp-reply", "an ARP reply", "ARP 応答"},
    {"frame.arp-request", "an ARP request", "ARP 要求"},
    {"frame.icmp", "an ICMP message (type {type})", "ICMP メッセージ（タイプ {type}）"},
    {"frame.icmpv6", "an ICMPv6 message (type {type})", "ICMPv6 メッセージ（タイプ {type}）"},
    {"frame.tcp-syn-ack", "a TCP SYN-ACK to port {port}", "ポート {port} 宛ての TCP SYN-ACK"},
    {"frame.tcp-syn", "a TCP SYN to port {port}", "ポート {port} 宛ての TCP SYN"},
    {"frame.tcp", "a TCP segment to port {port}", "ポート {port} 宛ての TCP セグメント"},
    {"frame.udp", "a UDP datagram to port {port}", "ポート {port} 宛ての UDP データグラム"},
    {"frame.other", "a frame", "フレーム"},
    {"who.sentinel", "the sentinel", "センチネル"},
    {"who.peer", "the peer", "相手端末"},
    {"who.gateway", "the gateway", "ゲートウェイ"},
    {"who.another-host", "another host", "別のホスト"},
    {"who.address", "{address}", "{address}"},
    {"match.marker", "answered with our marker", "マーカー付きで応答"},
    {"match.group", "answered our group probe", "グループ宛てプローブに応答"},
    {"match.sentinel-received", "the sentinel received {frame}", "センチネルが{frame}を受信"},
    {"match.steal-accepted",
     "traffic for {peer} ({frame}) reached the probe after the steal: the switch accepted the stolen address",
     "アドレス奪取後、{peer} 宛ての通信（{frame}）がプローブに到達：スイッチが奪ったアドレスを受け入れた"},
    {"match.kept-port",
     "the switch did not accept the stolen address: traffic for it still reached the sentinel (frame "
     "{frame})",
     "スイッチは奪ったアドレスを受け入れなかった：そのアドレス宛ての通信は引き続きセンチネルに到達（フレーム "
     "{frame}）"},
    {"match.uplink-claimed",
     "traffic from {peer} to the gateway ({frame}) reached the probe after it claimed the gateway's address: "
     "the switch handed another terminal's uplink traffic to us",
     "ゲートウェイのアドレス奪取後、{peer} からゲートウェイ宛ての通信（{frame}）がプローブに到達："
     "スイッチが他の端末のアップリンク通信をプローブに渡した"},
    {"match.kept-gateway-port",
     "the switch kept the gateway's address on the gateway's port: the sentinel's traffic reached the "
     "gateway, whose answer reached the sentinel (frame {frame})",
     "スイッチはゲートウェイのアドレスをゲートウェイのポートに維持：センチネルの通信はゲートウェイに届き、"
     "その応答がセンチネルに到達（フレーム {frame}）"},
    {"obs.would-route",
     "{who} would route terminal-to-terminal traffic to {to} (ICMP redirect, frame {frame}); nothing shows "
     "it was "
     "delivered",
     "{who}は {to} への端末間通信をルーティングし得る（ICMP リダイレクト、フレーム "
     "{frame}）。配送されたことを"
     "示すものはない"},
    // A live run's observations (probe/discovery.cpp, probe/engine.cpp).
    {"obs.proxy-arp-probe",
     "proxy ARP: {mac} answered ARP for {count} address(es) of the subnet with its own MAC ({list}), as an "
     "RFC 3069 "
     "/ private-VLAN gateway does to keep terminals apart; those addresses are not taken as peers",
     "代理ARP：{mac} がサブネットのアドレス {count} 件の ARP に自身の MAC で応答（{list}）。RFC "
     "3069／プライベート "
     "VLAN のゲートウェイが端末を隔離する動作であり、これらのアドレスは相手端末として扱わない"},
    {"obs.proxy-arp-probe-gateway",
     "proxy ARP: the gateway {mac} answered ARP for {count} address(es) of the subnet with its own MAC "
     "({list}), as "
     "an RFC 3069 / private-VLAN gateway does to keep terminals apart; those addresses are not taken as "
     "peers",
     "代理ARP：ゲートウェイ {mac} がサブネットのアドレス {count} 件の ARP に自身の MAC で応答（{list}）。"
     "RFC 3069／プライベート VLAN "
     "のゲートウェイが端末を隔離する動作であり、これらのアドレスは相手端末として扱わない"},
    {"obs.router", "router {mac} advertises itself (IPv6 router advertisement): not probed as a terminal",
     "ルータ {mac} が自身を広告（IPv6 ルータ広告）：端末としては試験しない"},
    // The positive controls of a live run (probe/controls.cpp).
    {"ctl.own-frames", "the capture holds {seen} of the {sent} frames we sent",
     "送信した {sent} フレームのうち {seen} フレームがキャプチャに記録されている"},
    {"ctl.no-route", "no default route through {interface}: nothing tells the router from a terminal",
     "{interface} 経由のデフォルトルートなし：ルータと端末を区別する手がかりがない"},
    {"ctl.gateway-at", "gateway {ip} is at {mac}", "ゲートウェイ {ip} の MAC アドレスは {mac}"},
    {"ctl.gateway-at-kernel",
     "gateway {ip} is at {mac} (from the kernel's neighbour table: it did not answer our ARP)",
     "ゲートウェイ {ip} の MAC アドレスは {mac}（カーネルの近隣テーブルによる。ARP には応答しなかった）"},
    {"ctl.gateway-no-arp", "gateway {ip} did not answer ARP (asked {count} times)",
     "ゲートウェイ {ip} が ARP に応答せず（{count} 回要求）"},
    {"ctl.gateway-echo", "the gateway answered our echo request (frame {frame})",
     "ゲートウェイがエコー要求に応答（フレーム {frame}）"},
    {"ctl.no-echo", "no echo reply from the gateway", "ゲートウェイからのエコー応答なし"},
    {"ctl.sentinel-hears",
     "the sentinel {sentinel} received the gateway's ARP reply: its capture works and its port is live",
     "センチネル {sentinel} がゲートウェイの ARP 応答を受信：キャプチャは機能しており、ポートも有効"},
    {"ctl.sentinel-deaf",
     "the sentinel {sentinel} received no ARP reply from the gateway: silence there proves nothing",
     "センチネル {sentinel} はゲートウェイの ARP 応答を受信せず：センチネルでの無受信は何も証明しない"},
    {"ctl.other-segment",
     "the sentinel's gateway {ip} answered from {other}, the probe's from {mac}: the sentinel is on another "
     "segment "
     "numbered alike",
     "センチネル側のゲートウェイ {ip} は {other} から、プローブ側は {mac} "
     "から応答：センチネルは同じアドレス体系の"
     "別セグメントにある"},
    {"ctl.never-heard",
     "the sentinel never heard the probe's gateway answer: nothing shows it shares the probe's segment",
     "センチネルはプローブ側ゲートウェイの応答を受信していない：同一セグメントにあることを示すものがない"},
    {"ctl.routers-differ",
     "the IPv6 routers advertising on the two interfaces differ: the sentinel is on another segment",
     "2 つのインタフェースで広告される IPv6 ルータが異なる：センチネルは別セグメントにある"},
    {"ctl.same-segment",
     "the sentinel heard the gateway {ip} answer from {mac}, the MAC the probe resolved (frame {frame}): "
     "both "
     "interfaces are on one segment",
     "センチネルはゲートウェイ {ip} がプローブの解決した MAC {mac} から応答するのを受信（フレーム {frame}）："
     "両インタフェースは同一セグメント上にある"},
    {"ctl.dropped", "{dropped} frames dropped by the capture", "キャプチャで {dropped} フレームを取りこぼし"},
    {"ctl.sentinel-no-route",
     "no default route through {sentinel} on its own subnet: nothing shows the sentinel's segment is live",
     "{sentinel} "
     "経由で自サブネット上のデフォルトルートなし：センチネル側セグメントが有効であることを示すものがない"},
    {"ctl.sentinel-own-gateway",
     "the sentinel {sentinel} received its own gateway {ip}'s ARP reply from {mac} (frame {frame}): its "
     "segment is live and its capture works",
     "センチネル {sentinel} が自セグメントのゲートウェイ {ip} の ARP 応答を {mac} から受信（フレーム "
     "{frame}）：セグメントは有効であり、キャプチャも機能している"},
    {"ctl.sentinel-gateway-silent",
     "the sentinel {sentinel}'s gateway {ip} did not answer its ARP: silence there proves nothing",
     "センチネル {sentinel} のゲートウェイ {ip} が ARP に応答せず：センチネルでの無受信は何も証明しない"},
    {"ctl.heard-probe-broadcast",
     "the sentinel received a broadcast of the probe (frame {frame}): both interfaces share one broadcast "
     "domain, which routed probes do not test",
     "センチネルがプローブのブロードキャストを受信（フレーム "
     "{frame}）：両インタフェースは同一のブロードキャスト"
     "ドメインにあり、ルーティングされるプローブではその分離を試験できない"},
    {"ctl.separate-broadcast-domains",
     "no broadcast of the probe reached the sentinel: the two interfaces are on separate broadcast domains",
     "プローブのブロードキャストはセンチネルに届かず：両インタフェースは別々のブロードキャストドメインにあ"
     "る"},
    // What went wrong during a live run (probe/engine.cpp).
    {"run.problems", "{problems}", "{problems}"},
    {"run.link-down", "{interface} went down during the run", "{interface} が実行中にダウン"},
    // A message of the system (a send error, a capture that stopped): its own words, in every language.
    {"sys.message", "{message}", "{message}"},
    // The sentinel's segment in the text report (report/text.cpp).
    {"seg.cross-segment", "cross-segment run, the two segments' separation is tested",
     "セグメント間試験。2 つのセグメントの分離を試験"},
    // What an auditor is told about an EAP attempt besides the verdict (analyze/eap_findings.cpp).
    {"finding.cert", "The {chain} certificate \"{subject}\" {what}", "{chain}証明書 \"{subject}\" は{what}"},
    {"finding.server", "server", "サーバ"},
    {"finding.client", "client", "クライアント"},
    {"finding.weak-signature",
     "is signed with {algorithm}: forging a certificate under a {hash} signature is feasible.",
     "{algorithm} で署名されている。{hash} 署名の証明書は現実的に偽造できる。"},
    {"finding.rsa-key", "has a {bits}-bit RSA key, under {min} bits.",
     "{bits} ビットの RSA 鍵を持ち、{min} ビットに満たない。"},
    {"finding.ec-key", "has a {bits}-bit EC key, under {min} bits.",
     "{bits} ビットの EC 鍵を持ち、{min} ビットに満たない。"},
    {"finding.expired", "expired at {not_after}, {days} whole day(s) before the capture's last frame.",
     "{not_after} に有効期限切れ。キャプチャの最後のフレームより満 {days} 日前。"},
    {"finding.expiring",
     "expires at {not_after}, {days} whole day(s) after the capture's last frame (within {window}).",
     "{not_after} に有効期限を迎える。キャプチャの最後のフレームより満 {days} 日後（{window} 日以内）。"},
    {"finding.eku", "has an extended key usage without {purpose} (it allows {allowed}).",
     "拡張鍵用途に {purpose} がない（許可されているのは {allowed}）。"},
    {"finding.none", "none", "なし"},
    {"finding.identity",
     "The outer identity \"{identity}\" (EAP-Response/Identity, sent in clear) names a user or device; an "
     "anonymous one (anonymous@realm or @realm) would not.",
     "外側 ID \"{identity}\"（EAP-Response/Identity、平文で送信）はユーザまたは機器を特定する。"
     "匿名 ID（anonymous@realm または @realm）であれば特定しない。"},
    {"finding.tls-version",
     "The server chose TLS {version} in its ServerHello; TLS 1.2 or later is expected.",
     "サーバは ServerHello で TLS {version} を選択。TLS 1.2 以降であるべき。"},
    // What the authenticator answered `isoprobe eap` (probe/eap_enumerate.cpp).
    {"enum.after-identity", "after our identity", "ID 送信後"},
    {"enum.after-nak", "after our Nak proposing {method}", "{method} を提案する Nak の後"},
    {"enum.failure", "EAP-Failure {after}", "{after}に EAP-Failure"},
    {"enum.open", "EAP-Success {after} without any method: the port opened unauthenticated",
     "{after}、方式なしで EAP-Success：ポートが認証なしで開放された"},
    {"enum.proposed-first", "the authenticator proposed {method} first",
     "オーセンティケータが最初に {method} を提示"},
    {"enum.proposed-itself", "the authenticator proposed {method} itself",
     "オーセンティケータが自ら {method} を提示"},
    {"enum.started", "the authenticator started {method} {after}",
     "{after}、オーセンティケータが {method} を開始"},
    {"enum.offered", "the authenticator offered {method} {after}",
     "{after}、オーセンティケータが {method} を提示"},
    {"enum.no-identity", "no Request/Identity answered our EAPOL-Start",
     "EAPOL-Start に対する Request/Identity なし"},
    {"enum.no-proposal", "no method was proposed after our identity", "ID 送信後に方式の提示なし"},
    {"enum.no-nak-answer", "no answer to our Nak proposing {method}", "{method} を提案する Nak への応答なし"},
    {"enum.own-frames", "the capture holds {seen} of the {sent} EAPOL frames we sent",
     "送信した EAPOL フレーム {sent} 件のうち {seen} 件がキャプチャに記録されている"},
};

const SentenceTemplate* find(std::string_view code) {
    auto it = std::find_if(std::begin(k_sentences), std::end(k_sentences),
                           [&](const SentenceTemplate& t) { return t.code == code; });
    return it == std::end(k_sentences) ? nullptr : &*it;
}

std::string join(const std::vector<std::string>& items, Param::Join j, Lang lang) {
    const std::string_view sep = j == Param::Join::none        ? ""
                                 : j == Param::Join::semicolon ? (lang == Lang::ja ? "；" : "; ")
                                                               : (lang == Lang::ja ? "、" : ", ");
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : std::string(sep)) + i;
    return out;
}

std::string value(const Param& p, Lang lang) {
    switch (p.kind) {
    case Param::Kind::text:
        return p.text;
    case Param::Kind::list:
        return join(p.list, p.join, lang);
    case Param::Kind::sentence:
    case Param::Kind::sentences:
        break;
    }
    std::vector<std::string> parts;
    for (const auto& s : p.sentences)
        parts.push_back(render(s, lang));
    return join(parts, p.join, lang);
}

} // namespace

// By hand: clang 14 (the fuzz build) crashes on a defaulted comparison of this recursive type.
bool Param::operator==(const Param& o) const {
    return name == o.name && kind == o.kind && join == o.join && text == o.text && list == o.list &&
           sentences == o.sentences;
}

Param arg(std::string name, std::string value) {
    Param p;
    p.name = std::move(name);
    p.text = std::move(value);
    return p;
}
Param arg(std::string name, const char* value) {
    return arg(std::move(name), std::string(value));
}
Param arg(std::string name, std::string_view value) {
    return arg(std::move(name), std::string(value));
}
Param arg(std::string name, std::vector<std::string> items) {
    Param p;
    p.name = std::move(name);
    p.kind = Param::Kind::list;
    p.list = std::move(items);
    return p;
}
Param arg(std::string name, Sentence clause) {
    Param p;
    p.name = std::move(name);
    p.kind = Param::Kind::sentence;
    p.sentences.push_back(std::move(clause));
    return p;
}
Param arg(std::string name, std::vector<Sentence> clauses, Param::Join join) {
    Param p;
    p.name = std::move(name);
    p.kind = Param::Kind::sentences;
    p.join = join;
    p.sentences = std::move(clauses);
    return p;
}

// A placeholder without its parameter stays visible as {name} (the catalogue test fails on it), and an
// unknown code renders as itself: a report is never lost to a missing row.
std::string render(const Sentence& s, Lang lang) {
    const SentenceTemplate* t = find(s.code);
    if (!t) return s.code;
    const std::string_view tpl = lang == Lang::ja ? t->ja : t->en;
    std::string out;
    for (std::size_t i = 0; i < tpl.size();) {
        const auto open = tpl.find('{', i);
        const auto close = open == std::string_view::npos ? open : tpl.find('}', open);
        if (close == std::string_view::npos) {
            out += tpl.substr(i);
            break;
        }
        out += tpl.substr(i, open - i);
        const std::string_view name = tpl.substr(open + 1, close - open - 1);
        auto p =
            std::find_if(s.params.begin(), s.params.end(), [&](const Param& x) { return x.name == name; });
        out += p == s.params.end() ? std::string(tpl.substr(open, close - open + 1)) : value(*p, lang);
        i = close + 1;
    }
    return out;
}

std::span<const SentenceTemplate> sentence_catalogue() {
    return k_sentences;
}

} // namespace isoprobe::model
