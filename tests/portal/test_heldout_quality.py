"""Per-paper precision and recall on held-out records written in other ministries' words.

The outside acceptance checks run the engine on ministries' records it has never
seen. Every labelled set of ``paper_labels/`` comes from the six ministry folders
the reading was tuned on, so it cannot tell whether recognition generalises.
``heldout/<set>/records`` are **synthetic** portal-style records (each says so
in its ``_synthetic`` field): written on 30 Nov 2026 by people who read only the
law, the appendices, the labelling guide and the fixture's JSON shape, never
the engine, for procedures of ministries absent from the fixture (real codes
and titles from Appendix I where a row exists, ``9.9xxxxx`` codes otherwise),
in wording of their own. Each writer labelled their own entries per paper
(``heldout/<set>/labels.yaml``, the guide's shape plus ``starts``: the first
characters of the row). ``heldout/B/labels-check.yaml`` is a second, blind
labelling of set B by someone who saw neither the writer's labels nor the
engine.

``labels-check.yaml`` of sets A, C, D, E, F, G, H, K to Y and Z1 to Z198 are the same for those sets.

Labels find their entry by the row's opening words (not a hash: a row the
parser splits or merges differently is reported as unmatched, and its papers
count as missed). Measured once before anyone read the engine's answers on
them; the first figures are below (``FLOORS``) and in BENCHMARKS.md. The
writers were told a wrong count-cell format by the brief ("Bản chính: 1 - Bản
sao: 0", zero-padded "01 bản chính", which the portal never prints): set A's
count cells were rewritten mechanically into the portal's own ("1 bản chính",
"0 bản chính,1 bản sao") before that measure; the papers' text is as written.

Run: ``pytest tests/portal/test_heldout_quality.py -s``
(``ONCEONLY_SHOW_MISMATCHES=heldout-A`` lists a set's disagreements).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml

from engine.evaluator import Engine
from engine.importer import shipped_recogniser
from engine.loading import load_catalogue
from engine.portal import parse_record

from .test_paper_quality import decision_at, mismatches, score

HELDOUT = Path(__file__).with_name("heldout")

#: set -> (precision, recall, whole-entry over-strikes) floors, just under the
#: figures after the readings the sets showed were added. First measures, before
#: anyone read an answer: A 0.978 (44/45) / 0.936 (44/47), 0 over-strikes;
#: B 0.889 (32/36) / 0.842 (32/38), 3 over-strikes (both labellings of B alike).
#: The last over-strike to go was a choice split by the nationality of a third
#: party ("hộ chiếu hoặc CCCD (nếu là người Việt Nam) hoặc hộ chiếu (nếu là người
#: nước ngoài) của người đứng đầu"): read by case now, the fail-safe reading
#: three of four labellers took (the writer of A read it as one fact's proofs).
#:
#: Sets C and D were written (by two other writers, same brief, the count cells
#: given right) after the readings A and B showed were in; measured once before
#: reading: C 1.000 (36/36) / 0.800 (36/45) (its second labelling 1.000 / 0.783),
#: D 0.976 (41/42) / 0.872 (41/47) (its second labelling 0.976 / 0.854); no over-strike. D's one extra strike is a CCCD
#: its Appendix I row (3.000466) attributes to the civil-status database, which
#: the writer labelled as population data.
#:
#: Sets E and F (two more writers: other procedures of the fixture's own
#: ministries, Tư pháp, Công an, Tài chính, Ngân hàng, Nông nghiệp, in their own
#: words), measured once after C and D's readings, before reading: E 0.941
#: (48/51) / 0.906 (48/53), no over-strike; F 1.000 (40/40) / 0.889 (40/45), one
#: over-strike ("Văn bản ủy quyền kèm bản sao giấy tờ pháp lý của cá nhân ..."
#: read as one paper); the second labellings measured the same. E's two extra
#: strikes are sources named otherwise (an Appendix II cut the row attributes to
#: the population database, labelled civil-status), not papers wrongly struck.
#:
#: Sets G and H (two more writers; Y tế, Giáo dục, Nội vụ, Xây dựng, Công
#: Thương, Công an, province and commune), measured once after E and F's
#: readings, before reading: G 0.938 (45/48) / 0.918 (45/49), one over-strike
#: (a social-insurance book handed over "để tiếp tục ghi"), second labelling
#: 0.958 / 0.868; H 0.939 (46/49) / 0.920 (46/50), none, second labelling
#: **0.980 (48/49) / 0.906 (48/53), none**: the one first measure that meets all
#: three targets, on one labelling of one set.
#:
#: Sets K, L and M (round 5: land, transport and social insurance; commune- and
#: province-level procedures of seven provinces; practising certificates and
#: conditional businesses), written by three more writers and labelled a second
#: time blind, measured once after G and H's readings, before reading: K 1.000
#: (39/39) / 0.907 (39/43), one over-strike ("Khai báo ... theo mẫu, kèm bản sao
#: CCCD/thẻ Căn cước" read as one choice); L 0.978 (45/46) / 0.918 (45/49), one
#: over-strike (a divorce or a death: two cases read as one choice); M 1.000
#: (42/42) / 0.875 (42/48), none. Pooled: 0.992 (126/127) / 0.900 (126/140), 2
#: over-strikes. Second labellings: K the same, L 1.000 (46/46) / 0.920
#: (46/50), M 0.976 (41/42) / 0.911 (41/45).
#:
#: Sets N, O and P (round 6: Công an, Quốc phòng and nationality; enterprise,
#: investment and banking; labour, people with merit, education and health),
#: three more writers, each set labelled a second time blind, measured once
#: after K, L and M's readings, before reading: N 1.000 (47/47) / 0.922 (47/51),
#: two over-strikes; O 1.000 (42/42) / 0.977 (42/43), one; P 0.981 (51/52) /
#: 0.981 (51/52), one. Pooled: 0.993 (140/141) / 0.959 (140/146), 4 over-strikes;
#: second labellings 0.986 (139/141) / 0.933 (139/149), 6. Every over-strike is
#: a choice the labellers read as cases (parent or guardian, spouse or merit, a
#: third party's nationality, a foreign worker's marriage).
#:
#: Sets Q, R and S (round 7: culture, tourism, press and science; justice at
#: commune, province and court level; households and small businesses), three
#: more writers, each set labelled a second time blind, measured once after N,
#: O and P's readings, before reading: Q 0.909 (30/33) / 0.909 (30/33), one
#: over-strike (its writer counts "thẻ căn cước hoặc căn cước công dân" as one
#: paper: all three extra strikes); R 0.980 (50/51) / 0.943 (50/53), two; S 1.000
#: (41/41) / 0.911 (41/45), none. Pooled 0.968 (121/125) / 0.924 (121/131), 3;
#: second labellings 0.992 (124/125) / 0.892 (124/139), 3.
#:
#: Sets T, U and V (round 8: tax, fees and customs for people and households;
#: road and waterway transport; home affairs, religion and ethnicity), three more
#: writers, each set labelled a second time blind, measured once after Q, R and
#: S's readings, before reading: T 0.976 (40/41) / 0.870 (40/46), one
#: over-strike ("bản sao giấy khai sinh + bản sao giấy xác nhận khuyết tật" read
#: as one paper); U 0.944 (34/36) / 0.971 (34/35), one (an inland crew's health
#: certificate to a sector's standard); V 1.000 (43/43) / 0.896 (43/48), one
#: ("đã nghỉ hưu hoặc đã từ trần: quyết định nghỉ hưu hoặc Giấy chứng tử"). Pooled
#: 0.975 (117/120) / 0.907 (117/129), 3; second labellings 0.983 (118/120) /
#: 0.894 (118/132), 3.
#:
#: Sets W, X and Y (round 9: eight random Appendix I rows and five procedures
#: of the writer's choice; a commune's most frequent procedures; enterprise
#: licences of Industry and Trade, Health and Agriculture), written as typical
#: records, each labelled a second time blind, measured once after T, U and V's
#: readings, before reading: W 1.000 (41/41) / 1.000 (41/41); X 1.000 (44/44) /
#: 0.957 (44/46); Y 1.000 (26/26) / 0.867 (26/30); no wrong whole entry. Pooled
#: **1.000 (111/111) / 0.949 (111/117), 0**; second labellings **0.991 (110/111) /
#: 0.940 (110/117), 0**: the first round to meet all three targets on both.
#:
#: Sets Z1, Z2 and Z3 (round 10: random Appendix I rows again; a citizen's life
#: events; organisations of less usual sectors), each labelled a second time
#: blind, measured once after W, X and Y's readings, before reading: Z1 0.974
#: (37/38) / 0.925 (37/40), two over-strikes; Z2 0.778 (42/54) / 0.955 (42/44),
#: two (its writer counts "thẻ Căn cước hoặc thẻ Căn cước công dân" as one paper:
#: ten of its twelve extra strikes; its second labeller 0.963 / 0.929); Z3 0.976
#: (41/42) / 1.000 (41/41), none. Pooled 0.896 (120/134) / 0.960 (120/125), 4;
#: second labellings 0.970 (130/134) / 0.949 (130/137), 4: round 9's clean
#: figures were not repeated.
#:
#: Sets Z4, Z5 and Z6 (round 11: random Appendix I rows a third time; provincial
#: departments' own versions; less usual procedures of Công an, Tư pháp, Tài
#: chính and the State Bank), each labelled a second time blind, measured once
#: on the engine of round 10's fixes (4aba398), before reading; no reading was
#: added after it: Z4 0.971 (33/34) / 0.917 (33/36); Z5 0.971 (33/34) / 0.943
#: (33/35); Z6 1.000 (47/47) / 0.940 (47/50); no wrong whole entry; the second
#: labellings score the same. Pooled **0.983 (113/115) / 0.934 (113/121), 0**.
#:
#: Sets Z7, Z8 and Z9 (round 12: commune and province procedures after the
#: 2025 reorganisation; labour, employment and enterprises; transport, health
#: and security), each labelled a second time blind, measured once on the engine
#: of the appendix row readings (9c206c0), before reading: Z7 0.922 (47/51) /
#: 0.904 (47/52) (first run 0.932 / 0.788: six of its rows, marked "(1)", were
#: unmatched until the harness learnt that mark); Z8 0.944 (34/36) / 1.000
#: (34/34); Z9 1.000 (41/41) / 0.891 (41/46); no wrong whole entry. Pooled
#: **0.953 (122/128) / 0.924 (122/132), 0**; second labellings 0.953 (122/128) /
#: 0.917 (122/133), 0.
#:
#: Sets Z10, Z11 and Z12 (round 13: justice and courts; trade, science, culture
#: and tourism; social insurance and social policy), each labelled a second time
#: blind, measured once on the engine of round 12's fixes (5d3a07e), before
#: reading: Z10 1.000 (48/48) / 0.923 (48/52); Z11 0.838 (31/37) / 1.000 (31/31)
#: (its writer counts "thẻ Căn cước hoặc Căn cước công dân" as one paper: all six
#: extra strikes; its second labeller 1.000 / 1.000); Z12 1.000 (51/51) / 0.981
#: (51/52); no wrong whole entry. Pooled 0.956 (130/136) / 0.963 (130/135), 0;
#: second labellings **1.000 (136/136) / 0.932 (136/146), 0**.
#:
#: Sets Z13, Z14 and Z15 (round 14: nine random Appendix I rows and five free
#: procedures; construction, housing, land and environment; education and
#: family life events), each labelled a second time blind, measured once on the
#: engine of round 13's fixes (338f92d), before reading: Z13 0.976 (40/41) /
#: 0.976 (40/41), one wrong whole entry (a card whose Appendix I row replaces it
#: only "in part" from an unannounced database: the writer keeps it, its second
#: labeller strikes it under Art. 4.1); Z14 0.951 (39/41) / 0.907 (39/43), one
#: ("A; đối với phương tiện thủy nội địa là B", now read as B's case; its second
#: labeller agrees); Z15 1.000 (51/51) / 0.981 (51/52), none (one "Học bạ" row was
#: unmatched until the scorer matched short rows whole: no paper of it has a
#: source). Pooled 0.977 (130/133) / 0.956 (130/136), 2; second labellings
#: 0.985 (131/133) / 0.949 (131/138), 1.
#:
#: Sets Z16, Z17 and Z18 (round 15: eight random Appendix I rows and five free
#: procedures, some in run-on portal style; residence, identity and police
#: procedures; agriculture, forestry and fisheries), each labelled a second time
#: blind, measured once on the engine of round 14's fixes (cf995fd), before
#: reading: Z16 1.000 (46/46) / 0.939 (46/49); Z17 0.958 (46/48) / 0.821 (46/56);
#: Z18 1.000 (40/40) / 0.952 (40/42); no wrong whole entry. Pooled **0.985
#: (132/134)** / 0.898 (132/147), **0**; second labellings **0.985 (132/134) /
#: 0.910 (132/145), 0**: all three targets on the second labellings.
#:
#: Sets Z19, Z20 and Z21 (round 16: finance and banking; home affairs, ethnic
#: and religious affairs; a province's thirteen most frequent commune
#: procedures), each labelled a second time blind, measured once on the engine
#: of round 15's fixes (0208b0f), before reading: Z19 1.000 (40/40) / 0.952
#: (40/42), one wrong whole entry; Z20 1.000 (51/51) / 0.981 (51/52), none; Z21
#: 0.978 (44/45) / 1.000 (44/44), two. Pooled **0.993 (135/136) / 0.978
#: (135/138)**, 3; second labellings **0.993 (135/136) / 0.978 (135/138)**, 4.
#: The wrong whole entries were three readings, now fixed ("kèm bản chụp thẻ sinh
#: viên", a "+" after a parenthesis, the card held now in "(trường hợp cấp đổi
#: ...)"), and one disagreement (an adoption decision beside the civil-status
#: papers, a case for the second labeller only).
#:
#: Sets Z22, Z23 and Z24 (round 17: health; people with merit, defence and
#: consular affairs; environment, water, minerals and land), each labelled a
#: second time blind, measured once on the engine at the start of the sixth
#: session (0ad83cf), before reading: Z22 0.974 (37/38) / 0.902 (37/41); Z23
#: 0.980 (49/50) / 0.980 (49/50), one wrong whole entry; Z24 0.973 (36/37) /
#: 0.878 (36/41). Pooled 0.976 (122/125) / 0.924 (122/132), 1; second
#: labellings 0.976 (122/125) / 0.897 (122/136), 1. The wrong whole entry, on
#: both labellings, was a social-insurance book handed in "để cơ quan bảo hiểm
#: xã hội ghi bổ sung ..." (written on by the agency it names), now kept.
#:
#: Sets Z25, Z26 and Z27 (round 18: construction and transport; education,
#: science and technology; labour and employment), each labelled a second time
#: blind, measured once on 5fa1ac9 (round 17's fixes) before reading: Z25 0.957
#: (45/47) / 0.900 (45/50), one wrong whole entry (an aviation post's fitness
#: assessment, a sector's certificate: now read so); Z26 1.000 (42/42) / 0.933
#: (42/45); Z27 1.000 (39/39) / 1.000 (39/39). Pooled 0.984 (126/128) / 0.940
#: (126/134), 1; second labellings 0.992 (127/128) / 0.934 (127/136), 3 (the
#: aviation certificate; two choices "own or rent", "enterprise or other
#: organisation" that only Z26's second labeller reads as cases).
#:
#: Sets Z28, Z29 and Z30 (round 19: police; justice and civil status; finance,
#: business registration and banking), each labelled a second time blind,
#: measured once on e04b69c (round 18's fixes) before reading: Z28 0.773
#: (34/44) / 0.810 (34/42); Z29 1.000 (48/48) / 0.906 (48/53); Z30 0.980
#: (50/51) / 0.943 (50/53); no wrong whole entry. Pooled 0.923 (132/143) /
#: 0.892 (132/148), **0**; second labellings **0.979 (140/143) / 0.903
#: (140/155), 0**. Seven of Z28's writer's ten extra strikes are "thẻ căn cước
#: hoặc thẻ căn cước công dân" counted as one card (its second labeller counts
#: two); two are an Appendix II row's database (population) where both Z28
#: labellers name civil status.
#:
#: Sets Z31, Z32 and Z33 (round 20: agriculture, veterinary and fisheries;
#: culture, tourism, press and telecoms; ten Appendix I rows drawn at random
#: and three free procedures), each labelled a second time blind, measured once
#: on 785e5ce (round 19's fixes) before reading: Z31 0.806 (29/36) / 0.935
#: (29/31), one wrong whole entry; Z32 0.889 (32/36) / 0.970 (32/33); Z33 1.000
#: (42/42) / 0.933 (42/45). Pooled 0.904 (103/114) / 0.945 (103/109), 1; second
#: labellings **1.000 (114/114) / 0.942 (114/121)**, 1. All eleven extra strikes
#: on the writers' labels are "căn cước hoặc căn cước công dân" counted as one
#: card (their second labellers count two). The wrong whole entry: "...; đối với
#: hộ gia đình kèm theo danh sách ..." (a case ending on a giving verb), now read.
#:
#: Sets Z34, Z35 and Z36 (round 21: a southern province's one-stop procedures;
#: industry and trade; rewards, ethnic and religious affairs, defence), each
#: labelled a second time blind, measured once on 8a601b2 (the engine at the
#: end of the sixth session) before reading: Z34 1.000 (39/39) / 0.886 (39/44);
#: Z35 0.861 (31/36) / 0.969 (31/32); Z36 0.932 (55/59) / 0.965 (55/57); no
#: wrong whole entry. Pooled 0.933 (125/134) / 0.940 (125/133), **0**; second
#: labellings **1.000 (134/134) / 0.931 (134/144), 0**: all three targets. All
#: nine extra strikes on the writers' labels are "căn cước hoặc căn cước công
#: dân" counted as one card.
#:
#: Sets Z37, Z38 and Z39 (round 22: science and technology, home affairs; a
#: northern mountain province's commune and district procedures; ten Appendix I
#: rows drawn at random), each labelled a second time blind, measured once on
#: a2b3c9e before reading: Z37 1.000 (33/33) / 0.917 (33/36); Z38 1.000 (62/62) /
#: 0.939 (62/66), one wrong whole entry (alternatives each proving one situation
#: of the lead "Người ... đang mang thai hoặc nuôi con ...:", now read by case);
#: Z39 1.000 (38/38) / 0.950 (38/40). Pooled **1.000 (133/133) / 0.937
#: (133/142)**, 1; second labellings **0.992 (132/133) / 0.930 (132/142)**, 1.
#:
#: Sets Z40, Z41 and Z42 (round 23: provincial departments in an older, noisy
#: style with abbreviations; procedures with a foreign party; ten more Appendix I
#: rows drawn at random and four Appendix II procedures), each labelled a second
#: time blind, measured once on 06dc64f before reading: Z40 1.000 (31/31) / 0.795
#: (31/39); Z41 0.829 (34/41) / 0.791 (34/43); Z42 0.963 (26/27) / 0.867 (26/30);
#: no wrong whole entry. Pooled 0.919 (91/99) / 0.812 (91/112), 0; second
#: labellings **0.980 (97/99)** / 0.822 (97/118), **0**. Recall was lost to the
#: abbreviations ("GCN ĐKDN", "Phiếu LLTP", "GCN QSDĐ"), to a negation in a closed
#: parenthesis reaching the next name, and to Vietnamese-registered civil-status
#: papers in foreigners' procedures read as foreign; all three are read now.
#:
#: Sets Z43, Z44 and Z45 (round 24: social-insurance benefits; vehicles, driving
#: licences and land registration; a Central Highlands province's district and
#: commune procedures in terse local wording), each labelled a second time
#: blind, measured once on c270ca3 before reading: Z43 0.985 (65/66) / 0.970
#: (65/67), one wrong whole entry ("thẻ căn cước hoặc căn cước công dân + bản
#: sao trang đầu sổ tài khoản ngân hàng hoặc thẻ ATM": the bank paper was read
#: into the card's name); Z44 0.975 (39/40) / 0.975 (39/40); Z45 0.964 (54/56) /
#: 0.915 (54/59), one (alternatives marked by bare parentheses "(tài sản chung
#: vợ chồng)" / "(tài sản riêng)", situations both labellers keep: read by case
#: since round 25). Pooled 0.975 (158/162) / 0.952 (158/166), 2; second
#: labellings the same.
#:
#: Sets Z46, Z47 and Z48 (round 25: ten Appendix I rows drawn at random, seed
#: 20261201, and four free procedures; civil status and family at a province's
#: Department of Justice, long entries with cases; social protection at commune
#: and province level), each labelled a second time blind, measured once on
#: 2de0092 (the engine at the end of the seventh session) before reading: Z46
#: 1.000 (31/31) / 0.969 (31/32); Z47 0.906 (77/85) / 0.917 (77/84); Z48 1.000
#: (51/51) / 0.944 (51/54); **no wrong whole entry**. Pooled 0.952 (159/167) /
#: 0.935 (159/170), 0; second labellings 0.952 (159/167) / 0.914 (159/174), 0.
#: All eight extra strikes, on both labellings, were civil-status originals
#: handed in to be written on ("để công chức ... ghi nội dung thay đổi vào giấy
#: tờ đó", "để ghi chú nội dung ..."), now surrendered; recall was lost to
#: "ví dụ:" examples of a class of proofs, "GKS", "không phải là người đại diện"
#: read as a negation, and Appendix I item 653's land paper, all read now.
#:
#: Sets Z49, Z50 and Z51 (round 26: ten more Appendix I rows drawn at random,
#: seed 20261202, and four free procedures; education and training; a large
#: city's ward offices after the 2025 reorganisation, in busy abbreviated
#: style), each labelled a second time blind, measured once on 565ed9e (round
#: 25's fixes) before reading: Z49 1.000 (31/31) / 0.969 (31/32); Z50 1.000
#: (38/38) / 0.974 (38/39); Z51 0.940 (47/50) / 0.825 (47/57), two wrong whole
#: entries ("giấy chứng tử ... hoặc QĐ của Tòa án tuyên bố mất tích": "QĐ" was
#: read into the certificate's name; a land certificate waived "đối với đất ở"
#: only). Pooled **0.975 (116/119) / 0.906 (116/128)**, 2; second labellings the
#: same. Both wrong whole entries are read now; "sổ đỏ" still folds to "sơ đồ"
#: (a drawing), so the red book is missed.
#:
#: Sets Z52, Z53 and Z54 (round 27: ten more Appendix I rows, seed 20261203,
#: and four free procedures for individuals; health; a Mekong Delta province's
#: commune and provincial procedures in mixed style), each labelled a second
#: time blind, measured once on c2ac18f (round 26's fixes) before reading: Z52
#: 1.000 (28/28) / 1.000 (28/28); Z53 0.977 (43/44) / 0.878 (43/49), one whole
#: entry the writer keeps and its second labeller strikes (a criminal record,
#: then a case for foreigners and Vietnamese living abroad: not this
#: applicant's case, left as read); Z54 0.833 (35/42) / 0.854 (35/41). Pooled
#: 0.930 (106/114) / 0.898 (106/118), 1; second labellings **0.991 (113/114)**
#: / 0.850 (113/133), **0**. The writers' extra strikes are counting ("Giấy
#: chứng tử (hoặc trích lục khai tử)", "CCCD hoặc thẻ Căn cước": one paper or
#: two); recall was lost to "thẻ CCCD", "GCN quyền sở hữu nhà ở", a waiver
#: "chỉ nộp bản sao khi chưa xác thực được thông tin" and a generic class
#: named for several people, all read now, and to zero-count notes that waive
#: papers (the engine reads them as notes: nothing is asked, no decision).
#:
#: Sets Z55, Z56 and Z57 (round 28: ten more Appendix I rows, seed 20261204,
#: and five free procedures; land, housing and building permits for households
#: in provinces' everyday words, "sổ đỏ", "GCNQSDĐ", "GPXD"; residence, identity
#: cards, vehicles, driving licences and judicial records, terse and long),
#: each labelled a second time blind, measured once on 1bf1d13 (round 27's
#: fixes and "sổ đỏ" told from "sơ đồ") before reading: Z55 0.923 (24/26) /
#: 0.960 (24/25); Z56 1.000 (32/32) / 0.889 (32/36); Z57 1.000 (53/53) / 0.898
#: (53/59); no wrong whole entry. Pooled **0.982 (109/111) / 0.908 (109/120),
#: 0**; second labellings **1.000 (111/111) / 0.902 (111/123), 0**: all three
#: targets on both labellings. Z55's two extra strikes are card counting
#: ("thẻ Căn cước/Căn cước công dân": one paper to its writer, two to its
#: second labeller). Recall was lost to "thẻ CC" and "CNĐK xe", a "+" before
#: "GCN ..." (a second paper), and an entry's own waiver of a class of papers
#: ("Giấy tờ tùy thân ...: không phải nộp, ... tra cứu ... CSDL"), all read
#: now, and to a zero-count note that waives a paper (read as a note).
#:
#: Sets Z58, Z59 and Z60 (round 29: ten more Appendix I rows, seed 20261205,
#: and five free procedures for individuals; social and health insurance,
#: pensions, unemployment and people with merit; a family's life events at the
#: commune and province, joined-up birth and death procedures, guardianship,
#: adoption, marriage with a foreigner), each labelled a second time blind,
#: measured once on 9e7639c (round 28's fixes) before reading: Z58 1.000
#: (36/36) / 1.000 (36/36); Z59 1.000 (47/47) / 0.904 (47/52), one wrong whole
#: entry on both labellings ("... trích lục khai sinh đối với con liệt sĩ; hoặc
#: ... quyết định công nhận việc nuôi con nuôi đối với con nuôi liệt sĩ": each
#: alternative names its own person, now read by case); Z60 0.982 (56/57) /
#: 0.949 (56/59). Pooled **0.993 (139/140) / 0.946 (139/147)**, 1; second
#: labellings **1.000 (140/140) / 0.933 (140/150)**, 1. Recall was lost to a
#: note written in the register read as written on the paper ("để ghi chú vào
#: Sổ đăng ký kết hôn") and "Người lao động xuất trình CCCD/..." in a
#: zero-count row, both read now; to Appendix I item 695's "giấy chứng minh
#: nhân thân" (left: mapped to the whole identity class it would strike a
#: proxy's identity paper too, a false strike on Z12); and to fallback notes
#: ("Trường hợp không khai thác được ... thì xuất trình ..."), which ask nothing
#: while the data is found.
#:
#: Sets Z61, Z62 and Z63 (round 30: ten more Appendix I rows, seed 20261206,
#: and five free procedures; household businesses, cooperatives and small
#: licensed trades in the clerks' abbreviations, HKD, HTX, ĐKKD; practising
#: certificates and cards of doctors, lawyers, notaries, auditors, architects,
#: teachers and guides), each labelled a second time blind, measured once on
#: cf13524 (round 29's fixes) before reading: Z61 0.929 (26/28) / 0.897
#: (26/29); Z62 1.000 (29/29) / 0.853 (29/34); Z63 0.808 (21/26) / 0.955
#: (21/22); no wrong whole entry. Pooled 0.916 (76/83) / 0.894 (76/85), **0**;
#: second labellings 0.976 (81/83) / **0.900 (81/90), 0**. Z63's writer counts
#: "thẻ Căn cước hoặc Căn cước công dân" as one paper (all five of its extra
#: strikes; its second labeller counts two); Z61's two are one card offered in
#: two forms for two channels ("bản sao thẻ CCCD/CMND ... (nếu nộp qua bưu
#: chính) hoặc bản chụp thẻ CCCD/CMND (nếu gửi ... trực tuyến)"), counted four
#: times. Recall was lost to "GCN đăng ký HTX", the household-business registry
#: named by its system's title, and "GCN ĐKHKD đã được cấp đổi" (the new
#: certificate) read as a hand-back, all read now; to a health certificate
#: whose Appendix I row names the unannounced health database (kept: the row
#: decides, LAW.md Art. 3.2); and to a zero-count row of cases.
#:
#: Sets Z64, Z65 and Z66 (round 31, written to press on precision: ten more
#: Appendix I rows, seed 20261207, and four free procedures; foreign parties
#: and Vietnamese citizens together, work permits, nationality, marriage and
#: adoption with a foreigner, consular procedures; papers the state takes back,
#: exchanges, corrects or endorses, and deregistrations), each labelled a
#: second time blind, measured once on 4b5336e (round 30's fixes) before
#: reading: Z64 0.917 (33/36) / 0.943 (33/35); Z65 1.000 (43/43) / 0.768
#: (43/56); Z66 0.696 (16/23) / 0.615 (16/26), one wrong whole entry on both
#: labellings. Pooled 0.902 (92/102) / 0.786 (92/117), 1; second labellings
#: **0.990 (101/102)** / 0.828 (101/122), 2. The wrong whole entry is the one
#: false strike found this session: "CNĐK xe, biển số xe" in "Thu hồi chứng
#: nhận đăng ký, biển số xe" (the title takes that certificate back; its
#: abbreviation was not compared spelled out): read now. The second labeller's
#: other one is disputed (Z65's marriage with a foreigner: the foreign party's
#: passport beside the citizen's card). The writers' extra strikes are card
#: counting. Recall was lost to "giấy tờ chứng minh ... là thẻ Căn cước hoặc
#: Căn cước công dân" and to "trong trường hợp cấp đổi do ..." read as a
#: hand-back, both read now; and, on Z65, to procedures whose applicants are
#: all foreign (acquiring or restoring nationality), where the engine keeps
#: the applicant's papers as a foreign party's (Art. 2.3) and the writer
#: labelled for a citizen.
#:
#: Sets Z67, Z68 and Z69 (round 32: ten more Appendix I rows, seed 20261208,
#: and five free procedures; education and social assistance in the provinces
#: and communes; enterprises and their people: changes of registration,
#: conditional business licences asking for a manager's papers), each labelled
#: a second time blind, measured once on ab756a8 before reading: Z67 0.935
#: (29/31) / 0.806 (29/36); Z68 1.000 (47/47) / 0.959 (47/49), one wrong whole
#: entry on both labellings; Z69 1.000 (28/28) / 0.824 (28/34). Pooled **0.981
#: (104/106)** / 0.874 (104/119), 1; second labellings **0.981 (104/106)** /
#: 0.874 (104/119), 1. The wrong whole entry: "Giấy xác nhận nơi cư trú mới ...
#: hoặc quyết định điều động công tác của cha, mẹ", two situations (the family
#: moved; a parent was posted), read as two proofs of one: a transfer order is
#: now a decision issued on a case. Both extra strikes are one card offered in
#: two forms (Z67), counted twice. Recall was lost to acronyms written joined
#: ("GCNĐKDN"), to "(đối với doanh nghiệp là GCN ĐKDN)" and "(đối với người
#: nước ngoài thay bằng ...)" read as the paper's own case (the second made the
#: criminal record a foreign party's), all read now; and to Appendix I item
#: 658's "CSDL trẻ em" (Z68, deliberate) and an own waiver over a tax
#: certificate (Z69, left).
#:
#: Sets Z70, Z71 and Z72 (round 33: ten more Appendix I rows, seed 20261209,
#: and five free procedures; farmers, land and environment in the provinces
#: and communes; justice and civil-status services: notarisation, legal aid,
#: judgment enforcement, adoption, guardianship), each labelled a second time
#: blind, measured once on 5dad392 (round 32's fixes) before reading: Z70
#: 1.000 (27/27) / 0.964 (27/28); Z71 1.000 (30/30) / 0.833 (30/36); Z72
#: 1.000 (63/63) / 0.887 (63/71), one wrong whole entry on both labellings.
#: Pooled **1.000 (120/120)** / 0.889 (120/135), 1; second labellings **1.000
#: (120/120)** / 0.882 (120/136), 1. The wrong whole entry: "bản sao giấy đăng
#: ký xe / giấy chứng nhận đăng ký phương tiện thủy nội địa tương ứng với tài
#: sản giao dịch" (which one depends on the asset): a choice "tương ứng với"
#: what it answers is read by case now. Recall was lost to rows with no count
#: that end on a paper shown ("Trường hợp ...: xuất trình CCCD ..."), to
#: "ví dụ bản sao GKS" after a class of proofs, and to "đất bị thu hồi" read
#: as the paper taken back, all read now.
#:
#: Sets Z73, Z74 and Z75 (round 34: ten more Appendix I rows, seed 20261210,
#: and five free procedures; culture, sports, tourism, press and religion;
#: defence, security and public order as they reach citizens: military
#: service, weapons permits, exit and entry papers), each labelled a second
#: time blind, measured once on 631be24 (round 33's fixes) before reading:
#: Z73 1.000 (28/28) / 0.933 (28/30); Z74 1.000 (29/29) / 1.000 (29/29); Z75
#: 1.000 (40/40) / 0.833 (40/48); no wrong whole entry. Pooled **1.000
#: (97/97) / 0.907 (97/107), 0**; second labellings **0.990 (96/97) / 0.906
#: (96/106), 0**: all three targets on both labellings. The second
#: labeller's extra strike is card counting ("Căn cước công dân, Thẻ căn
#: cước", one paper). Recall was lost to rows with no count where a case or
#: "Khi nộp trực tiếp, người đề nghị" comes before "xuất trình" (read now),
#: and to a procedure for foreigners whose Appendix I row names a land
#: certificate (kept as a foreign party's, Art. 2.3, fail-safe).
#:
#: Sets Z76, Z77 and Z78 (round 35: ten more Appendix I rows, seed 20261211,
#: and five free procedures; health services and health insurance as
#: citizens meet them; taxes, fees and public finance for households and
#: individuals), each labelled a second time blind, measured once on a45048d
#: (round 34's fixes) before reading: Z76 0.800 (28/35) / 0.966 (28/29); Z77
#: 1.000 (64/64) / 0.941 (64/68); Z78 0.953 (41/43) / 0.837 (41/49); no wrong
#: whole entry. Pooled 0.937 (133/142) / **0.911 (133/146), 0**; second
#: labellings 0.979 (139/142) / **0.921 (139/151)**, 1. Z76's writer counts
#: "Thẻ căn cước/CCCD" as one paper (all seven extra strikes; 0.971 on the
#: second labelling). Z78's extras: a waiver naming "Hệ thống thông tin quốc
#: gia về đăng ký doanh nghiệp" read as naming the enterprise certificate (the
#: database's name spells it; read now), and a source attribution (an own
#: waiver naming the population database over civil-status papers). The second
#: labeller's wrong whole entry is disputed: "GCN ĐKDN hoặc GCN ĐKHKD" with
#: Appendix I naming the first, labelled "cond". Recall was also lost to
#: "thực hiện thủ tục và bản sao Căn cước" read as a procedure's title (read
#: now).
#:
#: Sets Z79, Z80 and Z81 (round 36: ten more Appendix I rows, seed 20261212,
#: and five free procedures; a commune's one-stop shop written the way a busy
#: clerk types, abbreviations and all; joined-up procedures and papers of
#: several people: spouses, heirs, proxies), each labelled a second time
#: blind, measured once on 1d3dc4b (round 35's fixes) before reading: Z79
#: **1.000 (29/29) / 1.000 (29/29)**; Z80 0.942 (49/52) / 0.803 (49/61); Z81
#: 0.969 (62/64) / 0.912 (62/68), one wrong whole entry on both labellings.
#: Pooled 0.966 (140/145) / 0.886 (140/158), 1; second labellings 0.972
#: (141/145) / 0.887 (141/159), 1. The wrong whole entry: "giấy chứng nhận
#: đăng ký xe hoặc giấy chứng nhận đăng ký phương tiện thủy nội địa, tàu cá"
#: (whichever asset the estate holds): a vessel's registration is now a type
#: of its own, issued on a case. The extra strikes are counting (a land
#: certificate's several names in one row; a child's and a parent's birth
#: certificates). Z80's clerk abbreviations ("giấy XN tình trạng hôn nhân",
#: "tài liệu CM việc ly hôn", "GCN ĐK HTX") cost recall; the clerks'
#: shorthand for a name's words is read now (Z80 0.930 / 0.869 after, one
#: more counting extra where a whole entry now rightly goes), and "GCN ĐK
#: HTX" was a derivation lost in round 32's initials change, restored.
#:
#: Sets Z82, Z83 and Z84 (round 37: ten more Appendix I rows, seed 20261213,
#: and five free procedures; associations, funds, cooperatives, religious
#: organisations and their leaders; housing: social housing, state-owned
#: housing, housing support), each labelled a second time blind, measured once
#: on a1398b0 (round 36's fixes) before reading: Z82 0.968 (30/31) / 0.882
#: (30/34); Z83 1.000 (31/31) / 0.939 (31/33), one wrong whole entry on both
#: labellings; Z84 1.000 (45/45) / 0.957 (45/47). Pooled **0.991 (106/107) /
#: 0.930 (106/114)**, 1; second labellings **0.991 (106/107) / 0.938
#: (106/113)**, 1. The wrong whole entry was a false strike: "Sơ yếu lý lịch,
#: LLTP ... (LLTP không phải nộp nếu ... CSDL lý lịch tư pháp)", one paper
#: read, and the waiver's fallback (a waiver after a paper it cannot hold
#: speaks of the papers before it) struck the CV. A paper no database stands in
#: for (registry ``strikeable: false``, the applicant's own declarations) is
#: no longer waived that way.
#:
#: Sets Z85, Z86 and Z87 (round 38: ten more Appendix I rows, seed 20261214,
#: and five free procedures; labour and employment at a province's Department
#: of Home Affairs; practising certificates of professions, several papers to a
#: row), each labelled a second time blind, measured once on 66806e7 before
#: reading: Z85 1.000 (25/25) / 0.833 (25/30); Z86 1.000 (25/25) / 0.926
#: (25/27); Z87 1.000 (30/30) / 0.938 (30/32). Pooled **1.000 (80/80) / 0.899
#: (80/89) / 0**; second labellings 0.913 (73/80) / 0.924 (73/79) / 0 (Z87's
#: second labeller counted "Căn cước / Căn cước công dân" as one card: all seven
#: extras). Read after: zero-count rows where "người đứng ra tổ chức mai táng"
#: shows a card, or whose own waiver names "cơ quan đăng ký", are documents; a
#: health check "cho người lao động đi làm việc ở nước ngoài cấp" is issued at
#: home; "người chưa được cấp nộp bản sao Giấy khai sinh" asks for the birth
#: certificate. Z87's two health certificates of procedures whose Appendix I row
#: names the national health database (not announced) stay, as the row says.
#:
#: Sets Z88, Z89 and Z90 (round 39: ten more Appendix I rows, seed 20261215,
#: and five free procedures; investment and enterprises where foreign and
#: Vietnamese parties meet; a province's one-stop shop for households in an
#: older, wordy style), each labelled a second time blind, measured once on
#: fa71345 before reading: Z88 0.968 (30/31) / 0.938 (30/32); Z89 0.704 (19/27)
#: / 0.950 (19/20); Z90 0.933 (56/60) / 0.862 (56/65). Pooled 0.890 (105/118) /
#: 0.897 (105/117) / **0**; second labellings 0.958 (113/118) / **0.904
#: (113/125) / 0**. All eight of Z89's writer extras are card counting ("thẻ Căn
#: cước / CCCD"), its second labelling 1.000. Read after: "Giấy CMND", "bản sao
#: thẻ CCCD" (the paper's noun before its short name); "như căn cước, căn cước
#: công dân" (a weak name after "như" is an example too); an original "giao ngân
#: hàng quản lý" is handed over; "thay bằng thông tin ... tra cứu trên CSDL ..."
#: is a waiver; the clerks' "CM" for "chứng minh"; a card "chip trên thẻ CCCD" is
#: how data is read, no paper.
#:
#: Sets Z91, Z92 and Z93 (round 40: ten more Appendix I rows each, seed 20261217,
#: and five free procedures: social protection and people with meritorious
#: service; road transport, vehicles and drivers; farming, fisheries and forestry
#: in an older, wordy style), each labelled a second time blind, measured once on
#: dd3482c (with the review's refactor, no decision changed) before reading: Z91
#: 1.000 (33/33) / 1.000 (33/33) / 0; Z92 1.000 (34/34) / 0.944 (34/36) / 2; Z93
#: 0.944 (34/36) / 1.000 (34/34) / 0. Pooled 0.981 (101/103) / 0.981 (101/103) /
#: **2**; second labellings the same figures, 3 over-strikes (Z91's second reads a
#: marriage certificate or a commune's confirmation of a de facto marriage as two
#: situations, its writer as two proofs). Z93's two extras are card counting. Read
#: after: "đối với đơn vị ở nước ngoài là bản sao hợp pháp hóa lãnh sự giấy ...",
#: a case whose paper follows how its copy is made (the case's words reach past
#: twelve, and "hợp pháp hóa lãnh sự" is presentation, not "hợp pháp" then a
#: word); "hộ chiếu, thẻ thường trú của người đứng đầu là người nước ngoài hoặc
#: CCCD đối với người Việt Nam", a third party's papers split by nationality (the
#: person named beside any alternative, "là người nước ngoài" a case). Left: a
#: branch's certificate named in parentheses after the enterprise certificate an
#: Appendix I row names (kept, the parenthesis read as the paper); a foreign
#: applicant's accountants' social-insurance books (kept as the applicant's).
#:
#: Sets Z94, Z95 and Z96 (round 41: ten more Appendix I rows each, seed 20261219,
#: and five free procedures: health at province level; civil status, guardianship
#: and legal aid at a commune, in a clerk's abbreviations; construction and
#: housing), each labelled a second time blind, measured once on 903c62b before
#: reading: Z94 0.975 (39/40) / 0.951 (39/41) / 0; Z95 1.000 (37/37) / 0.860
#: (37/43) / 3; Z96 1.000 (35/35) / 1.000 (35/35) / 0. Pooled 0.991 (111/112) /
#: 0.933 (111/119) / 3; second labellings 0.982 (110/112) / 0.924 (110/119) / 3.
#: All six wrong whole entries are Z95's three, on both labellings: the clerk's
#: "GCT/Trích lục khai tử ... hoặc QĐ của TA tuyên bố ... mất tích" (the guide's
#: own death-or-missing example, abbreviated), "GKS ..., GCT ..., hoặc BA/QĐ của
#: TA" as grounds for ending a guardianship, and "Một trong các GT CM là người
#: được TGPL: ..." (each paper proves another kind of beneficiary). Read after:
#: "GCT", "QĐ của TA", "GXN" (giấy xác nhận) before a name, "GKS" opening a
#: parenthesis, "+" ends the paper before it, papers proving which kind of
#: beneficiary are cases. Left: Appendix I item 561 (1.005160) names the
#: enterprise certificate with the population database only (kept); item 661
#: (1.012282) "Quyết định thành lập hoặc Giấy chứng nhận đăng ký doanh nghiệp"
#: encoded for the certificate only (a public unit's founding decision is not in
#: the business register), where both labellers apply the row to both.
#:
#: Sets Z97, Z98 and Z99 (round 42: ten more Appendix I rows each, seed 20261221,
#: and five free procedures: education and training; labour and social insurance
#: where foreign and Vietnamese workers meet; police and residence in terse
#: numbered lists), each labelled a second time blind, measured once on 420e2af
#: before reading: Z97 1.000 (38/38) / 0.974 (38/39) / 0; Z98 0.968 (30/31) /
#: 0.938 (30/32) / 0; Z99 0.964 (27/28) / 0.900 (27/30) / 0. Pooled **0.979
#: (95/97) / 0.941 (95/101) / 0**; second labellings **0.990 (96/97) / 0.950
#: (96/101) / 0**. Read after: "Giấy CN ..." (giấy chứng nhận); "trích lục ghi chú
#: kết hôn / khai sinh" (a marriage or birth registered abroad, recorded here); a
#: marriage "giữa người lao động nước ngoài và công dân Việt Nam do cơ quan có thẩm
#: quyền của Việt Nam cấp" is in the register; a card named again "đối với người
#: yêu cầu ..." is the same card; "của cha, mẹ, người giám hộ (có thể xuất trình
#: ...)" is a list of holders, not a paper. Left: "Trẻ sinh ra ở nước ngoài đã về
#: nước: bản sao trích lục ghi chú khai sinh" (the case's words make the extract
#: foreign; kept); a waiver naming the population database for a birth
#: certificate (the source the text names, where Z99's writer put civil status).
#:
#: Sets Z100, Z101 and Z102 (round 43: ten more Appendix I rows each, seed 43,
#: and five free procedures: commune social assistance; provincial road and
#: waterway transport; land and housing at commune and province), each labelled
#: a second time blind, measured once on 26d326b before reading: Z100 1.000
#: (45/45) / 1.000 (45/45) / 0; Z101 0.857 (30/35) / 0.968 (30/31) / 0; Z102
#: 0.921 (35/38) / 0.921 (35/38) / 0. Pooled **0.932 (110/118) / 0.965 (110/114)
#: / 0**; second labellings **0.983 (116/118) / 0.967 (116/120) / 0**. Most of
#: the writers' extra strikes are one card counted once where the text names it
#: twice ("thẻ căn cước / CCCD"). Read after: a certificate a revoking title names
#: without its "giấy" ("Thu hồi chứng nhận đăng ký xe") is handed back; "đã cấp
#: trước đây" only dates a paper (a re-registration's old birth certificate, which
#: its Appendix I row fetches); "A; trường hợp không còn (A) thì nộp B" offers B in
#: A's place. Left: a fee receipt waived when the tax authority's data arrives
#: (no Art. 4 source); a case note listing a whole case's dossier ("Trường hợp
#: chỉ sửa đổi tên ...: hồ sơ chỉ gồm ...") read as a note.
#:
#: Sets Z103, Z104 and Z105 (round 44: ten more Appendix I rows each, seed 44,
#: and five free procedures: health at province level; justice at commune and
#: province; labour and employment), each labelled a second time blind, measured
#: once on 2a70b04 (after round 43's readings and two more found between the
#: rounds without reading them) before reading: Z103 1.000 (36/36) / 0.947
#: (36/38) / 0; Z104 1.000 (48/48) / 1.000 (48/48) / 0; Z105 1.000 (34/34) /
#: 0.944 (34/36) / 0. Pooled **1.000 (118/118) / 0.967 (118/122) / 0**; second
#: labellings **0.983 (116/118) / 0.943 (116/123) / 0**. Read after: "dự án"
#: set aside after "đăng ký đầu tư" governs no name after it ("... dự án và Giấy
#: chứng nhận đăng ký doanh nghiệp"), unlike a reference ("số CMND hoặc CCCD");
#: "... trong hồ sơ áp dụng đối với người ..." asks for nothing again; a licence
#: held now "để đổi, cấp lại GPLX" in a health check is not handed back; "A (đối
#: với tổ chức) hoặc B/C (đối với cá nhân)": each case closes its own choice.
#: Left: a radiation worker's "phiếu kết quả khám sức khỏe" (not read as Art.
#: 4.9's health certificate).
#:
#: Sets Z106, Z107 and Z108 (round 45: ten more Appendix I rows each, seed 45,
#: and five free procedures: civil status and residence at the commune; small
#: business at district and province; education and social support), each
#: labelled a second time blind, measured once on 5e481f9 before reading: Z106
#: 0.972 (35/36) / 0.854 (35/41) / 0; Z107 0.933 (28/30) / 0.933 (28/30) / 0;
#: Z108 0.914 (32/35) / 0.941 (32/34) / 0. Pooled **0.941 (95/101) / 0.905
#: (95/105) / 0**; second labellings **0.960 (97/101) / 0.898 (97/108) / 0**.
#: The extra strikes are all one card or one health check counted once where the
#: text names it twice. Read after: "người nước ngoài nộp ..." and a foreigner's
#: own paper of the same kind ("Phiếu lý lịch tư pháp; đối với người nước ngoài
#: thì nộp phiếu ... do nước ngoài cấp") are the other side of one choice; "giấy
#: tờ về tư cách pháp nhân" is a class Appendix I names with the enterprise
#: certificate in brackets (items 668, 669, 672, 674, 694: now encoded for it);
#: an entry's own waiver naming the civil-status database covers a class of the
#: papers it holds ("giấy tờ chứng minh quan hệ thân thích"); after round 46, a
#: zero-count row "Giấy tờ chứng minh nơi cư trú ... (chỉ xuất trình khi ...
#: không khai thác được ...)" is a document its waiver decides, not a note.
#: Left: a case row that lists a whole case's dossier ("Trường hợp ...: hồ sơ
#: chỉ gồm A và B", read as a note); a land
#: certificate in a procedure whose applicants are foreigners only (read as the
#: foreigner's paper, which the land source's coverage leaves out; labelled for
#: a citizen).
#:
#: Sets Z109, Z110 and Z111 (round 46: ten more Appendix I rows each, seed 46,
#: and five free procedures: agriculture and environment; finance and tax at
#: district level; construction and housing), each labelled a second time
#: blind, measured once on 6fbde25 before reading: Z109 0.968 (30/31) / 0.968
#: (30/31) / 0; Z110 0.951 (39/41) / 1.000 (39/39) / 1; Z111 1.000 (34/34) /
#: 1.000 (34/34) / 0. Pooled **0.972 (103/106) / 0.990 (103/104) / 1**; second
#: labellings **0.991 (105/106) / 0.981 (105/107) / 1**. The wrong whole entry:
#: "Trường hợp ...: nộp kèm Đăng ký mẫu chữ ký, con dấu và GCN ĐKDN" read as one
#: paper (the bare verb before "kèm" was taken for a paper the rest continued).
#: Read after: that verb gives the papers after it; a foreign issuer closing "A
#: và B" is both papers' ("giấy phép lái xe và giấy đăng ký xe do cơ quan có
#: thẩm quyền nước láng giềng cấp": the licence was struck); a waiver naming two
#: databases closes a choice by each.
#:
#: Sets Z112, Z113 and Z114 (round 47: the last four unused Appendix I codes and
#: eleven more drawn, seed 20261211/20261212, from rows the fixture also has,
#: written in the writers' own words, with ten free procedures each: justice,
#: civil status, nationality and residence with foreign parties; banking,
#: finance, investment and enterprises; health, agriculture, veterinary and land
#: for households), each labelled a second time blind, measured once on 3b6f77c
#: before reading: Z112 0.893 (75/84) / 0.926 (75/81) / 1; Z113 0.903 (28/31) /
#: 0.966 (28/29) / 0; Z114 0.829 (34/41) / 0.971 (34/35) / 0. Pooled 0.878
#: (137/156) / 0.945 (137/145) / 1; second labellings 0.949 (148/156) / 0.931
#: (148/159) / 1. Fifteen of the writers' nineteen extra strikes are a card or
#: certificate named twice ("thẻ căn cước/CCCD", "GCN ĐKKD/GCN ĐKDN") counted
#: once; two are the row below; one is a card named only to be waived ("...,
#: không phải nộp CCCD"). The one false strike of a paper: a foreign adopter's health statement in "A; B; C; D
#: - do cơ quan có thẩm quyền của nước nơi người nhận con nuôi thường trú cấp,
#: đã hợp pháp hóa lãnh sự" (the dash-set issuer is the whole list's: read now).
#: The wrong whole entry, on both labellings: a zero-count row "Sổ hộ khẩu, sổ
#: tạm trú: không yêu cầu xuất trình" the engine strikes by its own waiver and
#: both labellers read as asking nothing (left: earlier labellers counted such
#: rows' papers as going). Read after: "; người nước ngoài xuất trình A hoặc B"
#: (the foreigner's choice), "(kể cả bản sao do ... nước ngoài cấp)" (not only
#: foreign), "Giấy tờ cá nhân (A, B, C...)" (examples), "... thì khai vào đơn, Sở
#: ... tự khai thác trên CSDL" (no paper), "giấy tờ chứng minh việc cư trú".
#:
#: Sets Z115, Z116 and Z117 (round 48: five Appendix I rows each, seed
#: 20261213, and ten free procedures: police and justice for individuals, with
#: note rows and fallbacks; agriculture, food safety, water works, fertilisers
#: and veterinary drugs; credit funds, bank accounts, guardianship and births
#: with social support), each labelled a second time blind, measured once on
#: b45ca85 (round 47's readings) before reading: Z115 0.979 (47/48) / 0.746
#: (47/63) / 0; Z116 1.000 (30/30) / 0.833 (30/36) / 0; Z117 0.967 (59/61) /
#: 0.922 (59/64) / 3. Pooled **0.978 (136/139)** / 0.834 (136/163) / 3; second
#: labellings **0.978 (136/139) / 0.907 (136/150)** / 3. Z115's writer counts
#: note rows that only waive a paper ("Lưu ý: không yêu cầu nộp bản sao CCCD,
#: Sổ tạm trú; Công an xã kiểm tra ...") as papers that go, its second labeller
#: as asking nothing: most of the recall gap between them. The three wrong whole
#: entries, on both labellings: "Người khuyết tật đang mang thai hoặc nuôi con
#: ...: A hoặc B (nếu ...)/ C" (the lead's situations were lost to one
#: alternative's own case), "A (đối với người đang hưởng) hoặc bản sao thẻ BHYT
#: đối với người thuộc hộ nghèo, ..." (a case in brackets beside a person named
#: in the words), and a foreign health certificate in "Trường hợp ... tại cơ sở
#: y tế ở nước ngoài: ... do cơ sở đó cấp, kèm bản dịch tiếng Việt" (struck): all
#: read now. Also read after: "quan hệ giữa A và B" (parties, not papers),
#: "trích lục ghi chú khai tử", "Lưu ý: Người ... xuất trình CCCD ..." (a
#: document), "trừ trường hợp <a long agency name> đã khai thác được trên ..."
#: (a waiver), "... thì không phải tải lên ..." (no paper). Z114's recall floor
#: moved from 0.97 to 0.94 with the first of these: "quan hệ giữa người để lại
#: di sản và người nhận thừa kế (GKS, GCN kết hôn, QĐ ... nuôi con nuôi...)" is
#: now one choice of the three papers, no longer a struck class beside a bogus
#: "người nhận thừa kế"; the writer counts the adoption decision (no Art. 4
#: type, kept) as going. The entry is struck before and after.
#:
#: Sets Z118, Z119 and Z120 (round 49: five Appendix I rows each, seed
#: 20261214, and ten free procedures: a mountainous border province's commune
#: and district offices in terse abbreviations; immigration and foreign parties
#: beside citizen sponsors; enterprises, banks, customs and household
#: businesses in formal style), each labelled a second time blind, measured once
#: on 608c8e3 (round 48's readings) before reading: Z118 0.817 (49/60) / 0.942
#: (49/52) / 2; Z119 **1.000 (37/37)** / 0.949 (37/39) / 0; Z120 0.969 (31/32) /
#: 0.886 (31/35) / 0. Pooled 0.907 (117/129) / 0.929 (117/126) / 2; second
#: labellings 0.969 (125/129) / 0.947 (125/132) / 2. Eight of Z118's writer's
#: eleven extra strikes are "CCCD/thẻ căn cước" counted as one card. Both wrong
#: whole entries, on both labellings, are zero-count rows naming a paper only
#: to say it is not asked ("Sổ hộ khẩu, giấy XN cư trú: không yêu cầu."), which
#: the engine strikes by their own words. Making such rows notes was tried and
#: not kept: over every held-out labelling it removes 6 of these over-strikes
#: but loses 26 strikes that earlier labellers counted (sets U and Z20 to Z98 label
#: such rows' papers as going); the split is the labellers', not a paper wrongly
#: struck. Read after: "có thể thay bằng tài khoản VNeID" (no paper), an
#: alternative "(đối với công dân Việt Nam)" beside a foreign issuer's (the
#: citizen's), the entry's own waiver of its one civil-status record
#: ("trích lục ghi chú ly hôn; không phải nộp nếu ... CSDL hộ tịch điện tử").
#:
#: Sets Z121, Z122 and Z123 (round 50: five Appendix I rows each, seed 50,
#: among the codes no held-out set had used, and ten free procedures: justice
#: and land for households, construction and housing; labour, employment and
#: immigration with foreign workers and their sponsors; education and
#: agriculture for families), each labelled a second time blind, measured once
#: on 32e3099 before reading: Z121 0.896 (60/67) / 0.968 (60/62) / 0; Z122
#: 0.821 (55/67) / 0.982 (55/56) / 1; Z123 **1.000 (61/61) / 1.000 (61/61) / 0**.
#: Pooled 0.903 (176/195) / 0.983 (176/179) / 1; second labellings **0.995
#: (194/195) / 0.980 (194/198)** / 1. Eighteen of the writers' nineteen extra
#: strikes are one card or one record named twice ("thẻ căn cước/CCCD",
#: "giấy khai sinh hoặc trích lục khai sinh") counted once; the second
#: labellers count them as the engine does. The one false strike, on both
#: labellings (the wrong whole entry): collateral papers "GCNQSDĐ ... hoặc
#: giấy đăng ký xe ô tô, xe mô tô, nộp bản chính để Ngân hàng giữ trong thời
#: gian vay" after a lead's colon (the hand-back was not read in that word
#: order, nor for a listed choice): kept now. Read after: "GCN ĐKDN của doanh
#: nghiệp mời, bảo lãnh người nước ngoài" is the company's (its Appendix I row
#: applies), "xác nhận nơi cư trú" without "giấy" is the residence proof.
#: Left: a waiver after a choice of a card and an unrecognised civil-status
#: extract reaches only the card (waiving both was measured over every held-out
#: set: 14 more strikes, of which the writers label 6 wrong and the second
#: labellers 5); a Vietnamese citizen's
#: marital-status certificate "tại thời điểm kết hôn ở nước ngoài" stays as if
#: foreign (both misses of Z121-check).
#:
#: Sets Z124, Z125 and Z126 (round 51: five Appendix I rows each, seed 51,
#: and ten free procedures: health and social protection, state compensation,
#: judgment enforcement; transport and vehicles, police confirmations,
#: emigration, births and marriages with foreign parties; agriculture,
#: minerals, veterinary drugs and securities for enterprises, farms and
#: households), each labelled a second time blind, measured once on 1b81ccf
#: (round 50's readings) before reading: Z124 **1.000 (72/72)** / 0.935 (72/77)
#: / 2; Z125 0.846 (55/65) / 0.902 (55/61) / 1; Z126 0.940 (47/50) / 0.904
#: (47/52) / 0. Pooled 0.930 (174/187) / 0.916 (174/190) / 3; second
#: labellings 0.984 (184/187) / 0.915 (184/201) / 4. The wrong whole entries:
#: "Giấy chứng tử ... kèm theo di chúc hoặc văn bản thỏa thuận ..." ("di chúc"
#: was no paper's head, so "kèm theo" joined nothing and the death certificate
#: closed a choice); "Tài liệu khác có liên quan (nếu có): bản sao GCNQSDĐ, giấy
#: đăng ký xe ..., sổ tiết kiệm..." (read as kinds of one proof; every relevant
#: paper is given); "bản sao giấy khai sinh ... kèm bản khai về các thành viên"
#: ("bản khai" read as copy words); all three kept now. The fourth, on the
#: second labelling only, is left: "giấy chứng nhận kết hôn hoặc văn bản xác
#: nhận quan hệ vợ chồng thực tế (đối với vợ, chồng)", one proof of a spouse to
#: the writer, two situations to the second labeller. Read after: "người chưa
#: thành niên" is no negation; "..., hoặc quyết định cử người giám hộ nếu là
#: người giám hộ" is a case; a zero-count row "... thì xuất trình thêm thẻ căn
#: cước" shows a paper; "thì nộp bản sao căn cước" names the card; a waiver
#: naming its own paper and one database ("không phải nộp hợp đồng lao động nếu
#: ... CSDL quốc gia về bảo hiểm") strikes it from that database.
#:
#: Sets Z127, Z128 and Z129 (round 52: the last ten Appendix I codes no
#: held-out set had used and five drawn again among the used ones, seed 52, and
#: ten free procedures each: justice, religion and ethnic affairs at the border;
#: banking, foreign exchange and foreigners' permanent residence; enterprises
#: and households in trade, publishing, mining and irrigation), each labelled a
#: second time blind, measured once on 26eb802 (round 51's readings) before
#: reading: Z127 **1.000 (63/63) / 1.000 (63/63)** / 1; Z128 **1.000 (45/45)** /
#: 0.818 (45/55) / 1; Z129 **1.000 (50/50) / 1.000 (50/50)** / 1. Pooled
#: **1.000 (158/158)** / 0.940 (158/168) / 3; the second labellings measured
#: the same (they agree with the writers on every going paper of Z127 and
#: Z128, and on 149 of Z129's 150 entries). The three wrong whole entries, on
#: both labellings: a deed "có công chứng kèm bản sao GCNQSDĐ ..." and "...
#: khai nhận di sản có công chứng kèm bản sao trích lục khai tử ..." (the
#: notarisation's "chứng" before "kèm" read as copy words, so no second paper:
#: the deed was struck with the certificate), and "Bản sao văn bằng, lý lịch
#: tư pháp (Phiếu số 1), CCCD hoặc hộ chiếu của ..." (the "hoặc" between the two
#: identity papers made the whole list one choice): kept now. Read after: the
#: sponsor's papers in a foreigners' procedure ("của người bảo lãnh", "đứng tên
#: người bảo lãnh") are not foreign. Also read with this round (from round 51's
#: second labellings): a paper whose parenthesis lists its own kind among others
#: is that choice ("Văn bản xác nhận tình trạng hôn nhân (Giấy xác nhận tình
#: trạng hôn nhân, hoặc bản sao GCN kết hôn ...)"); "không có bản sao thì nộp
#: bản chụp và xuất trình bản chính ..." opens a case and names no paper.
#: Left (Z128's misses): a Vietnamese issuer closing a parenthesised list in a
#: foreigners' procedure; "nếu người bảo lãnh đã chết thì nộp thêm trích lục
#: khai tử"; a "Lưu ý" row whose second clause has the applicant show a card.
#:
#: Sets Z130, Z131 and Z132 (round 53: fifteen Appendix I codes drawn again
#: among those no set of rounds 47 to 52 used, seed 53, and ten free procedures
#: each: social insurance and population policy, citizens abroad; industry and
#: trade; culture, sports, publishing, science and retail), each labelled a
#: second time blind, measured once on 2166ac8 (round 52's readings) before
#: reading: Z130 0.952 (80/84) / 0.941 (80/85) / 3; Z131 **1.000 (42/42) /
#: 0.977 (42/43)** / 0; Z132 **1.000 (57/57) / 1.000 (57/57) / 0**. Pooled
#: 0.978 (179/183) / 0.968 (179/185) / 3, the second labellings the same (as
#: in round 52, the two labellings agree on every going paper). The three wrong
#: whole entries were three real hand-overs or items still sent: "Sổ BHXH (bản
#: chính) để BHXH ... xác nhận, chốt thời gian đóng" (the book is closed), "Thẻ
#: BHYT đang sử dụng ... để cơ quan BHXH cấp thẻ mới" (exchanged), and "... kèm
#: phong bì có dán tem ghi rõ địa chỉ" (an envelope is still sent): all kept
#: now. Read after: a zero-count row "Thân nhân xuất trình thẻ Căn cước ..."
#: shows a paper.
#:
#: Sets Z133, Z134 and Z135 (round 54: fifteen Appendix I codes drawn among
#: those no set of rounds 47 to 53 used, seed 54, and ten free procedures each:
#: families and civil status, citizens abroad, land and inheritance; science,
#: health and education establishments; trade and energy for enterprises and
#: traders), each labelled a second time blind, measured once on 5cb3b19 (round
#: 53's readings) before reading: Z133 **1.000 (71/71)** / 0.910 (71/78) / 0;
#: Z134 **1.000 (54/54) / 1.000 (54/54)** / 2; Z135 **1.000 (50/50)** / 0.909
#: (50/55) / 0. Pooled **1.000 (175/175)** / 0.936 (175/187) / 2; second
#: labellings 0.989 (173/175) / 0.940 (173/184) / 2. Both wrong whole entries,
#: on both labellings: "Giấy tờ của người chịu trách nhiệm chuyên môn: bản sao
#: giấy phép hành nghề, văn bản xác nhận ..., CCCD/hộ chiếu" (the "/" between the
#: identity papers made the whole list one choice: the round 52 reading now
#: takes untyped papers' heads too) and "Bản sao CCCD ..., kèm bản sao trang đầu
#: sổ tài khoản hoặc thẻ ngân hàng" (a copied page after "kèm" was no paper):
#: both kept now.
#:
#: Sets Z136, Z137 and Z138 (round 55: fifteen Appendix I codes of justice,
#: home affairs and public security drawn among those no set of rounds 47 to
#: 54 used, seed 55 to 57, and ten free procedures each: civil status and
#: judicial services; labour, social insurance and people with merit; public
#: security for citizens and foreigners), each labelled a second time blind,
#: measured once on 769bd75 (round 54's readings and the review) before
#: reading: Z136 0.988 (85/86) / 0.944 (85/90) / 2; Z137 0.966 (56/58) / **1.000
#: (56/56)** / 1; Z138 0.980 (50/51) / 0.877 (50/57) / 0. Pooled 0.979 (191/195)
#: / 0.941 (191/203) / 3; second labellings 0.954 (186/195) / 0.939 (186/198) /
#: 3. Two of the wrong whole entries were real: "Thẻ BHYT còn giá trị sử dụng
#: (trường hợp điều chỉnh thông tin thì nộp kèm để cấp đổi thẻ mới)" (the case's
#: own clause hands the card in) and "...; trường hợp đã từng cư trú ở nước
#: ngoài ... thì nộp thêm phiếu lý lịch tư pháp do nước đó cấp" (issued by that
#: country): both kept now. The third is a labellers' split, left: "Giấy tờ
#: chứng minh quan hệ giữa người để lại di sản và người được hưởng di sản: Giấy
#: khai sinh, Giấy chứng nhận kết hôn, quyết định công nhận việc nuôi con
#: nuôi..." both Z136 labellings keep as situations, while both labellings of
#: sets E and Z2 strike the same list as proofs of one tie (reading it as
#: situations would unstrike nine entries labelled to go by both).
#:
#: Sets Z139, Z140 and Z141 (round 56: fifteen Appendix I codes of health,
#: education and culture drawn among those no set of rounds 47 to 55 used,
#: seed 58 to 60, and ten free procedures each: health and social assistance;
#: education and training; culture, sports and tourism), each labelled a
#: second time blind, measured once on 6566c93 (round 55's readings) before
#: reading: Z139 **1.000 (68/68) / 1.000 (68/68) / 0**; Z140 **1.000 (45/45)** /
#: 0.900 (45/50) / 0; Z141 0.929 (39/42) / 0.975 (39/40) / 1. Pooled 0.981
#: (152/155) / 0.962 (152/158) / 1; second labellings 0.981 (152/155) / 0.968
#: (152/157) / 1 (they agree with the writers on every going paper in Z139 and
#: Z141; their wording of the papers is their own). The wrong whole entry is
#: the zero-count "Sổ hộ khẩu, sổ tạm trú: không yêu cầu xuất trình; ..." row,
#: which both labellings read as asking for nothing (the convention left open).
#: Read after (recall): "tờ rời sổ BHXH" (the book's loose sheets), "giấy xác
#: nhận thông tin tạm trú", and a citizen's paper whose parenthesis gives the
#: foreigners' own instead ("Phiếu LLTP ... (đối với người nước ngoài: văn bản
#: xác nhận ... do cơ quan nước ngoài cấp)"), which had made it look foreign.
#: Z103's writer precision floor goes 1.0 -> 0.97: the loose sheet offered
#: beside the book is now a second paper, which that writer counts as one.
#:
#: Sets Z142, Z143 and Z144 (round 57: fifteen Appendix I codes of science and
#: technology, agriculture and environment, finance, banking and foreign
#: affairs drawn among those no set of rounds 47 to 56 used, seed 61 to 65, and
#: ten free procedures each), each labelled a second time blind (the writers'
#: generator scripts, which held their labels, deleted before the checkers
#: began), measured once on efc4fa0 (round 56's readings) before reading: Z142
#: **1.000 (45/45)** / 0.938 (45/48) / 0; Z143 **1.000 (38/38)** / 0.864 (38/44)
#: / 0; Z144 0.985 (64/65) / 0.941 (64/68) / 1. Pooled **0.993 (147/148)** /
#: 0.919 (147/160) / 1; second labellings **1.000 (148/148)** / 0.943 (148/157)
#: / 1. The wrong whole entry, left: "Trường hợp thay đổi thông tin người phụ
#: thuộc: bản sao giấy khai sinh của con hoặc quyết định công nhận việc nuôi con
#: nuôi; ..." both labellings keep (a child by birth and an adopted child are
#: two situations); made a by-case type, the adoption decision would unstrike
#: eight entries labelled to go by both labellings of earlier sets, where it
#: closes a list of proofs of a family tie. Read after: "Bản sao Giấy chứng nhận
#: đăng ký doanh nghiệp (hoặc Giấy chứng nhận đăng ký hộ kinh doanh ...)" lost
#: its own paper (a lead opening on "giấy" was taken for a generic one whose
#: parenthesis says what it is): the named paper and the one offered instead
#: are alternatives now.
#:
#: Sets Z145 to Z150 (rounds 58 and 59: thirty Appendix I codes drawn among
#: those no set of rounds 50 to 57 used, seeds 66 to 78, and ten free
#: procedures each: justice and consular services; food safety, retail and
#: immigration; religion, people with merit and archives; health and
#: education; science, media and culture; farmers, taxpayers and bank
#: customers), each labelled a second time blind, both rounds measured once on
#: 32def44 (round 57's readings) before reading: Z145 **1.000 (66/66)** / 0.943
#: (66/70) / 2; Z146 0.966 (57/59) / 0.966 (57/59) / 0; Z147 **1.000 (54/54) /
#: 0.982 (54/55) / 0**; Z148 **1.000 (48/48)** / 0.906 (48/53) / 0; Z149 **1.000
#: (48/48) / 0.980 (48/49)** / 1; Z150 **1.000 (48/48)** / 0.906 (48/53) / 0.
#: Round 58 pooled 0.989 (177/179) / 0.962 (177/184) / 2, second labellings
#: 0.994 (178/179) / 0.962 (178/185) / 2; round 59 **1.000 (144/144)** / 0.929
#: (144/155) / 1, second labellings 0.986 (142/144) / 0.940 (142/151) / 1. Two
#: of the three wrong whole entries were real: "Văn bản ủy quyền (nếu có), kèm
#: theo bản sao một trong các giấy tờ: Thẻ căn cước, ..." (the paper before the
#: "một trong" lead was dropped with the lead) and "Tài liệu, chứng cứ chứng
#: minh ... là người thân thích (như bản sao giấy khai sinh, ...) hoặc có căn cứ
#: khác cho thấy ..." (the other situation was dropped with the generic lead):
#: both kept now. The third, left, is a labellers' split: "bản sao giấy tờ
#: chứng minh sự thay đổi như quyết định cho phép thay đổi họ, tên, giấy chứng
#: nhận kết hôn" both Z145 labellings read as situations, while three earlier
#: sets label such proofs of a change to go. Read after (recall): an annex
#: ("phụ lục hợp đồng và Giấy chứng nhận ...") no longer hides the certificate
#: after it; a paper issued here "để làm thủ tục kết hôn ở nước ngoài" is not
#: foreign (a certificate of a marriage made abroad still is).
#:
#: Sets Z151 to Z156 (rounds 60 and 61: thirty Appendix I codes drawn among
#: those the fewest sets used, seed 81, and ten free procedures each: industry
#: and trade; science, technology and telecommunications; justice; culture,
#: sport and tourism; home affairs, labour and social policy; foreign affairs
#: and consular services), written from briefs rewritten on 3 Dec 2026 from the
#: same guide (the workstation's earlier copies were lost), each labelled a
#: second time blind, both rounds measured once on dc7945d (round 59's
#: readings) before reading: Z151 **1.000 (72/72) / 1.000 (72/72) / 0**; Z152
#: **1.000 (84/84)** / 0.977 (84/86) / 0; Z153 0.974 (76/78) / 0.916 (76/83) /
#: 0; Z154 **1.000 (81/81)** / 0.964 (81/84) / 0; Z155 0.805 (66/82) / 0.971
#: (66/68) / 0; Z156 0.982 (109/111) / 0.965 (109/113) / 0. Pooled, writers
#: 0.961 (488/508) / 0.964 (488/506) / **0 wrong whole entries in 1,019**;
#: second labellings **0.994 (505/508)** / 0.956 (505/528) / 1. Z155's writer
#: counts two names of one kind offered as a choice ("căn cước công dân hoặc
#: căn cước", "giấy chứng tử hoặc trích lục khai tử") as one paper, where the
#: engine and its second labelling count two (1.000, 82/82). The wrong whole
#: entry, the second labelling's, is now kept: "Bản chụp hộ chiếu ...; trường
#: hợp không còn hộ chiếu thì bản chụp căn cước công dân hoặc giấy khai sinh"
#: (whoever holds the passport, which no Art. 4 database holds, still brings
#: it; the stand-in goes for those who lack it, so the two are cases). Read
#: after (recall): "trụ sở" and "cư trú" no longer read as "trừ" (except)
#: before a name; "kèm theo bản sao" opens a new paper whatever words end the
#: one before; "đối với người đã bị thu hồi chứng chỉ" hands nothing in; a
#: paper its words give a citizen holder ("của Trưởng chi nhánh là công dân
#: Việt Nam") is not foreign in a foreign firm's procedure; an extract of the
#: register ("trích lục ghi chú khai tử") is not reached by a foreign issuer
#: closing its choice; a foreign authority that asks for a paper ("nếu cơ quan
#: nước ngoài yêu cầu") is not its issuer; a zero-count row of a card waived
#: by a "thì" clause, or opening on "Một trong các giấy tờ tùy thân sau", is
#: a document; "giấy chứng nhận khám sức khỏe" and a trailer's registration
#: are named.
#:
#: Sets Z157 to Z162 (rounds 62 and 63: public security; education; health;
#: agriculture and environment; banking and finance; ethnic and religious
#: affairs; five Appendix I codes each drawn among those the fewest sets used,
#: seed 82, and ten free procedures), each labelled a second time blind, both
#: rounds measured once on ddd76d8 (rounds 60 and 61's readings) before
#: reading: Z157 **1.000 (95/95)** / 0.969 (95/98) / 0 (its second labelling
#: the same); Z158 0.924 (73/79) / 0.973 (73/75) / 2; Z159 0.857 (72/84) /
#: 0.973 (72/74) / 0; Z160 0.783 (54/69) / 0.947 (54/57) / 0; Z161 **1.000
#: (89/89)** / 0.967 (89/92) / 0; Z162 0.988 (82/83) / 0.921 (82/89) / 0.
#: Pooled, writers 0.932 (465/499) / 0.959 (465/485) / 2; second labellings
#: **0.984 (491/499)** / 0.965 (491/509) / 5. Most of the writers' extra
#: strikes are again two names of one kind offered as a choice counted as one
#: paper (Z159, Z160; their second labellings: 1.000). The two wrong whole
#: entries both labellings share were real: the papers of each kind of
#: beneficiary ("Giấy tờ chứng nhận thuộc đối tượng ưu tiên ... như: A, B,
#: giấy khai sinh ...") are cases now. Left, labellers' splits: a land
#: certificate or a lease for a school's site (Z158's second labelling reads
#: owning and renting as two situations, its writer as two proofs), and a
#: hardship shown by a hospital discharge, a disaster report or a death
#: certificate (Z161's second labelling: situations). Read after (recall):
#: "... xuất trình bản chính để kiểm tra, đối chiếu" is how, not what; a long
#: class keeps its examples after "như"; "là bản sao có chứng thực <paper>"
#: after a class; a land certificate is not foreign in a foreigner's
#: procedure; a paper whose own case is at home is not reached by a
#: legalisation closing the list; a waiver naming an unrecognised paper in
#: words ("không phải nộp bảng lương, sao kê nếu ...") strikes it.
#:
#: Sets Z163, Z164 and Z165 (round 64: trade and industry in the provinces;
#: people with merit and social protection; civil status with a foreign
#: element; five Appendix I codes each, seed 83, and ten free procedures),
#: measured once on e45c46e (rounds 62 and 63's readings) before reading, on
#: their writers' labels (their second labellings were not finished within the
#: session): Z163 **1.000 (65/65)** / 0.956 (65/68) / 0; Z164 **1.000 (85/85)**
#: / 0.924 (85/92) / 0; Z165 0.988 (83/84) / 0.954 (83/87) / 1; pooled **0.996
#: (233/234)** / 0.943 (233/247) / 1. The wrong whole entry was real: a birth
#: certificate handed in "để Sở Tư pháp ghi chú nội dung ..." (a department
#: writing on that same paper) is kept now. Read after (recall): zero-count
#: rows read as notes ("...; trường hợp chưa được cấp thì nộp giấy xác nhận
#: ...", "(... hiển thị trên ứng dụng VNeID)", whose "hiển thị" folds like
#: "thì"); "giấy xác nhận số định danh cá nhân"; "(trường hợp cơ quan có thẩm
#: quyền nước ngoài yêu cầu)" in the recogniser. Z75's precision floors go 1.0
#: -> 0.97: its "chưa có thẻ thì xuất trình giấy xác nhận số định danh cá nhân"
#: is a population paper now, which neither of its labellings counts. Their
#: second labellings, blind, finished after that round's commit; measured on
#: ad87675 before reading: Z163 0.985 (65/66) / 0.970 (65/67) / 0; Z164 0.989
#: (87/88) / 0.989 (87/88) / 0; Z165 **1.000 (84/84)** / 0.966 (84/87) / 2.
#: The two wrong whole entries are the known split on kinship lists that
#: offer an adoption decision or a correction extract beside the civil-status
#: papers (this labeller: all alternatives; the engine and the writer: any).
#:
#: Sets Z166, Z167 and Z168 (round 65: finance; labour and social protection
#: at the one-stop shops; transport, construction and immigration; five
#: Appendix I codes each drawn among those the fewest sets used, seeds 6601,
#: 6701, 6801, and ten free procedures), each labelled a second time blind,
#: measured once on ad87675 before reading: Z166 0.977 (85/87) / 0.924 (85/92)
#: / 1 (second labelling 0.977 / 0.934 / 1); Z167 0.968 (92/95) / 0.968 / 1
#: (the same); Z168 **1.000 (93/93)** / 0.949 (93/98) / 0 (the same). Pooled,
#: writers 0.982 (270/275) / 0.947 (270/285) / 2; second labellings 0.982
#: (270/275) / 0.951 (270/284) / 2. Both wrong whole entries were real, and both
#: labellings of each agree: collateral a fund keeps ("để Quỹ lưu giữ trong
#: suốt thời gian bảo lãnh") and a bank's hold closing a choice ("A hoặc B
#: (bản chính để Ngân hàng giữ trong thời gian vay)") are handed over now.
#: Read after (recall): "cơ quan tiếp nhận tự tra cứu trên Hệ thống thông tin
#: quốc gia ..." waives the paper before it; a zero-count row whose residence
#: papers are "chỉ phải nộp khi ... không khai thác được" is a document; a
#: foreign investor who is a member of a registered enterprise, and the
#: address a foreigner stays at, do not make a paper foreign. With them, an
#: adoption decision beside a birth or marriage certificate is a case of its
#: own (registry type ``adoption-decision``), which turns 6 labels of earlier
#: sets right (Z136, Z144 both, Z165 and Z21 second labellings) and 12 others
#: into whole-entry misses (their labellers read the examples as proofs of
#: one relationship); the fail-safe reading is kept. A waiver of the class's
#: information reaches its examples, the decision too; so V's "Giấy khai tử
#: hoặc Giấy báo tử ...; không yêu cầu nộp giấy tờ này nếu khai thác được ..."
#: strikes the death notice as its second labelling (and its Appendix I row,
#: item 388) says, and V's precision floor goes 1.0 -> 0.97. Z168's second
#: labelling reads a foreign investor's enterprise certificate under an
#: Appendix I row as "cond" (its writer: goes).
#:
#: Sets Z169, Z170 and Z171 (round 66: health; culture, sports and tourism;
#: education and vocational training; five Appendix I codes each, seeds 6901,
#: 7001, 7101, and ten free procedures mostly asked of individual citizens),
#: each labelled a second time blind, measured once on 4a1e4f0 (round 65's
#: readings) before reading: Z169 0.933 (84/90) / 0.955 (84/88) / 0 (second
#: labelling 0.978 (88/90) / 0.957 / 0); Z170 0.832 (79/95) / 0.988 (79/80) /
#: 0 (0.821 / 0.987 / 0); Z171 **1.000 (92/92) / 1.000 (92/92)** / 0 (the
#: same). Pooled, writers 0.921 (255/277) / 0.981 (255/260) / **0**; second
#: labellings 0.931 (258/277) / 0.981 (258/263) / **0**: the first round with
#: no wrong whole entry on either labelling. Z170's labellers both count "Căn
#: cước công dân hoặc thẻ Căn cước" as one paper (the engine: two names, two
#: papers), hence its precision. Read after (recall): "cư trú" is not "cũ"
#: (old), so a residence confirmation asked where a card is exchanged is not
#: the paper handed back; "để cập nhật thông tin ... vào hệ thống thông tin"
#: updates the agency's system, not the card; "người thân nộp thay, kèm theo
#: ..." names who gives the papers; a zero-count row where the person sent to
#: file "xuất trình thẻ Căn cước" (named in up to ten words) is a document.
#: That last reading reads a row of Z76 ("Người đến nộp hồ sơ trực tiếp chỉ
#: phải xuất trình thẻ Căn cước hoặc Căn cước công dân trong trường hợp ...
#: không tra cứu được ...") which was unmatched before; its writer counts the
#: two names as one paper, so Z76's precision floor goes 0.80 -> 0.78.
#:
#: Sets Z172, Z173 and Z174 (round 67: justice at the commune and province;
#: agriculture and environment for households; banking for people and firms;
#: five Appendix I codes each, seeds 7201, 7301, 7401, and ten free
#: procedures mostly asked of individual citizens), measured once on a7b4ab5
#: (round 66's readings) before reading, each labelled a second time blind:
#: Z172 0.989 (89/90) / 0.937 (89/95) / 1 (second labelling 0.989 / 0.978 /
#: 1); Z173 0.937 (74/79) / 0.914 (74/81) / 0 (**1.000 (79/79)** / 0.929 /
#: 0); Z174 **1.000 (89/89)** / 0.989 (89/90) / 0 (1.000 / 0.989 / 1);
#: pooled, writers 0.977 (252/258) / 0.947 (252/266) / 1, second labellings
#: 0.996 (257/258) / 0.966 (257/266) / 2. Z174's second labeller reads "giấy
#: đăng ký xe hoặc GCNQSDĐ" of a pledged asset as "cond" although the vehicle's
#: registration goes (its writer: goes); the engine keeps the writer's reading. The wrong whole entry was real: "Giấy chứng tử hoặc Trích lục
#: khai tử ... và thông tin về người thừa kế" read the heirs' details as more of
#: the extract's name; information asked beside a paper after "và" is its own
#: item now. Read after: a hand-back set off after the last paper of "A và B"
#: (", nộp lại để ... thu hồi") is the bundle's; zero-count rows "Khi ..., xuất
#: trình một trong các giấy tờ sau: ..." and "...; đối với ... thì kèm theo
#: giấy tờ ..." are documents.
#:
#: Sets Z175, Z176 and Z177 (round 68: public security for people; home
#: affairs, labour and social protection; industry and trade for households;
#: five Appendix I codes each, seeds 175, 176, 177, and ten free procedures
#: mostly asked of individual citizens), measured once on a6b2687 (round 67's
#: readings) before reading, each labelled a second time blind: Z175 0.978
#: (90/92) / 0.891 (90/101) / 1 (second labelling 0.978 / 0.909 / 1); Z176
#: 0.894 (84/94) / 0.977 (84/86) / 1 (0.851 / 0.976 / 1); Z177 0.849 (62/73) /
#: 0.899 (62/69) / 0 (**1.000 (73/73)** / 0.948 / 0); pooled, writers 0.911
#: (236/259) / 0.922 (236/256) / 2, second labellings 0.938 (243/259) / 0.942
#: (243/258) / 2. Z176's and Z177's writers count "Căn cước công dân hoặc thẻ
#: Căn cước" as one paper, hence their precision. Both wrong whole entries
#: were real: "bổ sung Phiếu lý lịch tư pháp số 1 và bản lý lịch tự thuật của
#: người đại diện mới" read the autobiography as more of the certificate's
#: name (now a CV of its own), and a zero-count row "Trường hợp tra cứu được
#: ... thì cơ quan tiếp nhận không yêu cầu người đề nghị xuất trình giấy tờ
#: ..." was read as a paper shown (a show the row denies is none). Read after:
#: "Trường hợp X: <paper> (không phải nộp nếu ...)" and "Đối với X: A và B"
#: with a zero count are documents; "trừ trường hợp cơ quan cấp C/O đã tra cứu
#: được ..." waives (a slash in the agency's name); "Giấy tờ, tài liệu chứng
#: minh X: A; B; C" lists the kinds of one proof, as its commas would; "Không
#: phải nộp giấy tờ này nếu ..." after a choice by case waives every case; a
#: paper Art. 4 gives to one database and a waiver names another is struck
#: from its own ("giấy chứng nhận kết hôn (chỉ yêu cầu khi ... CSDL quốc gia
#: về dân cư)": civil-status); "giấy chứng nhận đủ điều kiện sức khỏe" is a
#: health certificate; an international driving permit is not Art. 4.4's
#: licence. Z99's second labelling gives a birth certificate waived by a
#: population-database clause the population source; it is now struck from
#: civil-status, its writer's reading, so Z99-check's floors go 1.0 -> 0.96
#: (precision) and 0.93 -> 0.90 (recall).
#:
#: Sets Z178, Z179 and Z180 (round 69: consular and civil-status services for
#: citizens abroad; science, technology, post and telecoms for people and
#: small firms; ethnic-minority and religious affairs; five Appendix I codes
#: each, seeds 178, 179, 180, and ten free procedures mostly asked of
#: individual citizens), measured once on 7ad311b (round 68's readings) before
#: reading, each labelled a second time blind: Z178 0.951 (98/103) / 0.925
#: (98/106) / 1 (second labelling 0.951 / 0.899 / 1); Z179 **1.000 (85/85)** /
#: 0.988 (85/86) / 0 (0.835 / 0.986 / 0); Z180 0.987 (76/77) / 0.950 (76/80) / 0
#: (**1.000 (77/77)** / 0.939 / 0); pooled, writers 0.977 (259/265) / 0.952
#: (259/272) / 1, second labellings 0.928 (246/265) / 0.935 (246/263) / 1.
#: Z179's second labeller counts "Thẻ Căn cước hoặc CCCD" as one paper, hence
#: its precision. The wrong whole entry was real: a zero-count row "Giấy xác
#: nhận tình trạng hôn nhân có giá trị 06 tháng kể từ ngày cấp; ..." (the
#: procedure's own result) was read as a paper asked; a sentence on how long a
#: paper lasts, with no count, is a note now. Read after: papers "Cục Lãnh sự
#: đóng dấu chứng nhận trực tiếp lên" are handed in; papers a statement says
#: "đều bị mất" are not asked ("Văn bản cam đoan ... sổ hộ tịch và bản chính
#: Giấy chứng nhận kết hôn đều bị mất" is one paper); zero-count rows "Hai bên
#: nam, nữ xuất trình thẻ căn cước ..." and "...: xuất trình trên ứng dụng VNeID
#: hoặc nộp Giấy xác nhận thông tin về cư trú" ask for papers.
#:
#: Sets Z181, Z182 and Z183 (round 70: justice for families; health for
#: people and small providers; agriculture and environment for farming
#: households; five Appendix I codes each, seeds 181, 182, 183, and ten free
#: procedures mostly asked of individual citizens), measured once on ae8f84b
#: (round 69's readings) before reading, each labelled a second time blind:
#: Z181 0.990 (100/101) / 0.971 (100/103) / 1 (second labelling 0.990 / 0.971
#: / 3); Z182 **1.000 (88/88)** / 0.946 (88/93) / 0 (0.989 / 0.946 / 0); Z183
#: **1.000 (70/70)** / 0.921 (70/76) / 0 (1.000 / 0.946 / 0); pooled, writers
#: **0.996 (258/259)** / 0.949 (258/272) / 1, second labellings 0.992 (257/259)
#: / 0.955 (257/269) / 3. The wrong whole entry both share was real: "nộp bản
#: chính Giấy khai sinh để cơ quan đăng ký hộ tịch ghi chú việc thay đổi họ,
#: ... vào Giấy khai sinh" hands the certificate in (it is written on). Z181's
#: second labeller also keeps two entries its writer and the engine strike:
#: evidence of a debtor's assets "như: GCNQSDĐ, giấy đăng ký xe, GCN ĐKDN, sao
#: kê" (read as different assets, not alternatives) and "giấy khai sinh của
#: người chưa thành niên hoặc trích lục đăng ký giám hộ" (read as a parent's
#: case and a guardian's). Read after: a "thì" inside a paper's parenthesis
#: ("(xuất trình bản chính; nộp trực tuyến thì tải bản chụp)") makes no rule of
#: a zero-count row. Decided after: evidence of what adds up ("Tài liệu,
#: chứng cứ về điều kiện thi hành án (nếu có) như: ...") is a bundle, so
#: the debtor's-assets entry stays (its second labeller's reading) and
#: Z181-check allows one wrong whole entry, the guardianship split.
#:
#: Sets Z184, Z185 and Z186 (round 71: education for learners, families and
#: teachers; culture, sport and tourism for people and small businesses;
#: finance for individuals and household businesses; five Appendix I codes
#: each, seeds 184, 185, 186, and ten free procedures), measured once on
#: 4ca0e3a before reading, each labelled a second time blind: Z184 0.981
#: (101/103) / 0.981 / 2 (second labelling 0.981 / 0.962 / 2); Z185 0.988
#: (80/81) / 0.964 / 0 (0.877 / 1.000 / 0); Z186 0.856 (77/90) / 0.987 / 0
#: (0.978 / 1.000 / 0); pooled, writers 0.942 (258/274) / 0.977 (258/264) / 2,
#: second labellings 0.949 (260/274) / 0.985 (260/264) / 2. Both wrong whole
#: entries were real and shared: "...; trường hợp đã cư trú ở nước ngoài ...
#: thì nộp thêm phiếu lý lịch tư pháp hoặc văn bản xác nhận không có án tích
#: do cơ quan có thẩm quyền của nước đó cấp" (that country's issuer closes the
#: choice: both are foreign) and "Sổ bảo hiểm xã hội bản chính để đơn vị tiếp
#: nhận xác nhận và ghi tiếp quá trình đóng" (the new employer writes on it).
#: Read after: "giấy chứng nhận kết hôn để chứng minh quan hệ với người thân
#: nêu trên" is asked (the person is the one above, not the paper). Precision
#: below 0.9 on Z185-check and Z186 is the counting convention ("Căn cước công
#: dân hoặc thẻ Căn cước" one paper to those labellers, two names here).
#: Decided after: "giấy khai sinh ... hoặc trích lục đăng ký giám hộ" is a
#: parent's case and a guardian's (registry type guardianship-record), so
#: Z181-check's last wrong whole entry is gone; Z118 and Z181's writers lose
#: a strike they had labelled (recall).
#:
#: Sets Z187, Z188 and Z189 (round 72: banking for people and households;
#: public security for people; industry and trade for small producers and
#: traders; five Appendix I codes each, seeds 187, 188, 189 (189 drawn from
#: Bộ Công Thương: Bộ Nội vụ had too few unused codes), and ten free
#: procedures), measured once on f76a761 before reading, each labelled a
#: second time blind: Z187 0.849 (62/73) / 0.954 / 0 (second labelling 1.000
#: / 0.961 / 0); Z188 **1.000 (91/91)** / 0.938 / 0 (0.934 / 0.876 / 0);
#: Z189 0.903 (84/93) / 0.988 / 0 (0.882 / 0.988 / 0); pooled, writers 0.922
#: (237/257) / 0.960 (237/247) / **0**, second labellings 0.934 (240/257) /
#: 0.938 (240/256) / **0**: the first round with no wrong whole entry on
#: either labelling since round 66. Precision below 0.95 is the counting
#: convention and the source a population waiver gives a birth certificate.
#: Read after (misses): Appendix I items 746, 747 and 749 replace "giấy tờ do
#: cơ quan có thẩm quyền của Việt Nam cấp chứng minh người đại diện theo pháp
#: luật" (a row reading: birth certificate, guardianship record, the proof
#: itself); "đi nộp hồ sơ thay cho người chưa đủ 14 tuổi xuất trình thẻ căn
#: cước" asks for the card; an extract a Vietnamese mission abroad issues is in
#: the register; a foreigners' case "thì xuất trình hộ chiếu và thẻ tạm trú"
#: is the other side of the same person's card; "Giấy chứng tử của vợ hoặc
#: chồng là công dân Việt Nam" in a foreigner's case is the citizen's; "thì
#: xuất trình trên ứng dụng thay cho bản sao" asks for no paper.
#:
#: Sets Z190, Z191 and Z192 (round 73: health and social support for people;
#: justice for families with a foreign element; agriculture and environment
#: for households and small farm businesses; five Appendix I codes each, seeds
#: 190, 191, 192, and ten free procedures), measured once on c5dbf2c before
#: reading, each labelled a second time blind: Z190 0.897 (87/97) / 0.967 / 0
#: (second labelling 0.979 / 0.969 / 0); Z191 0.885 (92/104) / 0.968 / 0
#: (1.000 / 0.972 / 2); Z192 0.985 (65/66) / 0.956 / 0 (1.000 / 0.971 / 0);
#: pooled, writers 0.914 (244/267) / 0.964 (244/253) / **0**, second
#: labellings **0.993 (265/267)** / 0.971 (265/273) / 2. Both of Z191's second
#: labeller's wrong whole entries are splits its writer reads as the engine
#: did: proofs of a stable income "như hợp đồng lao động, quyết định hưởng
#: lương hưu, sổ BHXH hoặc GCN đăng ký hộ kinh doanh" (now by case: each kind
#: of earner has its own proof, the fail-safe reading; Z191's writer loses
#: that strike) and a mission's birth or marriage certificate "hoặc giấy tờ hộ
#: tịch khác ... (nếu có)" (left: the one allowed). Precision below 0.9 on the
#: writers' is the counting convention.
#:
#: Sets Z193, Z194 and Z195 (round 74: science, technology and
#: communications for people and small firms; culture, sport, tourism and
#: information; education for learners and families; five Appendix I codes
#: each, seeds 193, 194, 195 (195 drawn from Bộ Giáo dục: Bộ Công an had too
#: few unused codes), and ten free procedures), measured once on ba5eb3e
#: before reading, each labelled a second time blind: Z193 **1.000 (69/69) /
#: 1.000 (69/69)** / 0 (1.000 / 0.986 / 0); Z194 0.896 (69/77) / 0.986 / 0
#: (0.896 / 0.986 / 0); Z195 **1.000 (79/79)** / 0.940 / 0 (1.000 / 0.929 /
#: 0); pooled, writers 0.964 (217/225) / 0.973 (217/223) / **0**, second
#: labellings 0.964 (217/225) / 0.964 (217/225) / **0**. Z194's precision is
#: the counting convention. Read after: the foreigners' case "trường hợp
#: người thành lập là người nước ngoài thì nộp hộ chiếu và thẻ tạm trú" after
#: "thẻ Căn cước của người thành lập thư viện" is the same person's (a holder
#: of several words); the row goes, as its second labeller and both
#: labellings of Z187's same pattern read it. Z194's writer reads it as a case
#: and keeps it: the one wrong whole entry allowed.
#:
#: Sets Z196, Z197 and Z198 (round 75: labour, employment, people with merit
#: and archives; customs, investment and business registration for small
#: firms and household businesses; fire safety, security and order,
#: residence and exit-entry; five Appendix I codes each, seeds 196, 197, 198
#: (draw.py now widens its pool one use at a time: Bộ Nội vụ's codes had all
#: been used), and ten free procedures), measured once on 88deacf before
#: reading, each labelled a second time blind: Z196 0.902 (74/82) / 0.961 / 1
#: (second labelling 0.988 / 0.976 / 1); Z197 0.986 (70/71) / 1.000 / 0
#: (0.986 / 1.000 / 0); Z198 0.844 (76/90) / 0.974 / 0 (1.000 / 0.957 / 0);
#: pooled, writers 0.905 (220/243) / 0.978 / 1, second labellings **0.992
#: (241/243)** / 0.976 / 1. Z198's precision is the counting convention; two
#: of its rows were unmatched then (a row's "II." mark, now dropped when
#: matching). The wrong whole entry (both labellings) was real: "Sổ BHXH ...
#: để Trung tâm Dịch vụ việc làm ghi xác nhận thời gian hưởng trợ cấp" is
#: written on by the centre, so handed in. Read after (misses): a waiver
#: closing "GCN QSDĐ hoặc hợp đồng thuê trụ sở (không phải nộp nếu thông tin
#: về thửa đất đã có trong CSDL đất đai)" reaches the certificate past the
#: lease; "đối với chủ sở hữu là cá nhân và người đại diện theo pháp luật
#: (thẻ Căn cước, ... hoặc Hộ chiếu)" names two holders of one paper; "trường
#: hợp cơ sở tiếp nhận ở nước ngoài có yêu cầu" is whom a criminal-record
#: certificate is for, not its issuer; Appendix I item 733 (3.000489) replaces
#: the land allocation or lease decision with the certificate (new registry
#: type ``land-allocation-decision``, a case of its own elsewhere).
FLOORS: dict[str, tuple[float, float, int]] = {
    "heldout-A": (1.0, 0.97, 0),
    "heldout-A-check": (1.0, 0.97, 0),
    "heldout-B": (1.0, 1.0, 0),
    "heldout-B-check": (1.0, 1.0, 0),
    "heldout-C": (1.0, 1.0, 0),
    "heldout-C-check": (1.0, 0.97, 0),
    "heldout-D": (0.97, 0.89, 0),
    "heldout-D-check": (0.97, 0.87, 0),
    "heldout-E": (0.96, 0.92, 0),
    "heldout-E-check": (0.96, 0.92, 0),
    "heldout-F": (1.0, 0.91, 0),
    "heldout-F-check": (1.0, 0.91, 0),
    "heldout-G": (0.95, 0.95, 0),
    "heldout-G-check": (0.97, 0.90, 0),
    "heldout-H": (0.92, 0.98, 0),
    "heldout-H-check": (0.96, 0.96, 0),
    "heldout-K": (1.0, 0.97, 0),
    "heldout-K-check": (1.0, 0.97, 0),
    "heldout-L": (1.0, 1.0, 0),
    "heldout-L-check": (1.0, 0.97, 0),
    "heldout-M": (1.0, 0.91, 0),
    "heldout-M-check": (0.97, 0.95, 0),
    "heldout-N": (1.0, 0.86, 0),
    "heldout-N-check": (1.0, 0.87, 0),
    "heldout-O": (1.0, 0.97, 0),
    "heldout-O-check": (1.0, 0.97, 0),
    "heldout-P": (0.98, 0.98, 1),
    "heldout-P-check": (1.0, 0.92, 1),
    "heldout-Q": (0.91, 0.93, 0),
    "heldout-Q-check": (1.0, 0.94, 0),
    "heldout-R": (1.0, 0.96, 0),
    "heldout-R-check": (1.0, 0.91, 0),
    "heldout-S": (1.0, 0.97, 0),
    "heldout-S-check": (1.0, 0.93, 0),
    "heldout-T": (0.97, 0.95, 0),
    "heldout-T-check": (1.0, 0.93, 0),
    "heldout-U": (0.97, 1.0, 0),
    "heldout-U-check": (0.97, 1.0, 0),
    "heldout-V": (0.97, 0.91, 0),
    "heldout-V-check": (1.0, 0.89, 0),
    "heldout-W": (1.0, 0.97, 0),
    "heldout-W-check": (0.97, 0.95, 0),
    "heldout-X": (1.0, 0.97, 0),
    "heldout-X-check": (1.0, 0.97, 0),
    "heldout-Y": (1.0, 0.96, 0),
    "heldout-Y-check": (1.0, 0.96, 0),
    "heldout-Z1": (1.0, 0.97, 0),
    "heldout-Z1-check": (1.0, 0.97, 0),
    "heldout-Z2": (0.80, 0.93, 0),
    "heldout-Z2-check": (1.0, 0.91, 0),
    "heldout-Z3": (0.97, 1.0, 0),
    "heldout-Z3-check": (0.97, 1.0, 0),
    "heldout-Z4": (0.97, 0.91, 0),
    "heldout-Z4-check": (0.97, 0.91, 0),
    "heldout-Z5": (0.97, 0.94, 0),
    "heldout-Z5-check": (0.97, 0.94, 0),
    "heldout-Z6": (1.0, 0.94, 0),
    "heldout-Z6-check": (1.0, 0.94, 0),
    "heldout-Z7": (0.98, 0.98, 0),
    "heldout-Z7-check": (0.98, 0.96, 0),
    "heldout-Z8": (1.0, 1.0, 0),
    "heldout-Z8-check": (1.0, 1.0, 0),
    "heldout-Z9": (1.0, 1.0, 0),
    "heldout-Z9-check": (1.0, 1.0, 0),
    "heldout-Z10": (1.0, 0.92, 0),
    "heldout-Z10-check": (1.0, 0.84, 0),
    "heldout-Z11": (0.83, 1.0, 0),
    "heldout-Z11-check": (1.0, 1.0, 0),
    "heldout-Z12": (1.0, 0.98, 0),
    "heldout-Z12-check": (1.0, 0.98, 0),
    "heldout-Z13": (0.97, 0.97, 1),
    "heldout-Z13-check": (1.0, 0.97, 0),
    "heldout-Z14": (1.0, 0.90, 0),
    "heldout-Z14-check": (1.0, 0.90, 0),
    "heldout-Z15": (1.0, 0.98, 0),
    "heldout-Z15-check": (1.0, 0.96, 0),
    "heldout-Z16": (1.0, 0.93, 0),
    "heldout-Z16-check": (1.0, 0.93, 0),
    "heldout-Z17": (0.97, 0.83, 0),
    "heldout-Z17-check": (0.97, 0.87, 0),
    "heldout-Z18": (1.0, 0.95, 0),
    "heldout-Z18-check": (1.0, 0.95, 0),
    "heldout-Z19": (1.0, 0.95, 0),
    "heldout-Z19-check": (1.0, 0.95, 0),
    "heldout-Z20": (1.0, 0.98, 0),
    "heldout-Z20-check": (1.0, 0.98, 0),
    "heldout-Z21": (1.0, 1.0, 0),
    "heldout-Z21-check": (1.0, 1.0, 1),
    "heldout-Z22": (0.97, 0.92, 0),
    "heldout-Z22-check": (0.97, 0.86, 0),
    "heldout-Z23": (1.0, 0.98, 0),
    "heldout-Z23-check": (1.0, 0.98, 0),
    "heldout-Z24": (0.97, 0.90, 0),
    "heldout-Z24-check": (0.97, 0.88, 0),
    "heldout-Z25": (0.98, 0.98, 0),
    "heldout-Z25-check": (1.0, 0.96, 0),
    "heldout-Z26": (1.0, 1.0, 0),
    "heldout-Z26-check": (1.0, 1.0, 2),
    "heldout-Z27": (1.0, 1.0, 0),
    "heldout-Z27-check": (1.0, 1.0, 0),
    "heldout-Z28": (0.75, 0.80, 0),
    "heldout-Z28-check": (0.93, 0.85, 0),
    "heldout-Z29": (1.0, 0.90, 0),
    "heldout-Z29-check": (1.0, 0.85, 0),
    "heldout-Z30": (0.98, 0.94, 0),
    "heldout-Z30-check": (0.98, 1.0, 0),
    "heldout-Z31": (0.81, 0.96, 0),
    "heldout-Z31-check": (1.0, 0.94, 0),
    "heldout-Z32": (0.88, 0.96, 0),
    "heldout-Z32-check": (1.0, 0.97, 0),
    "heldout-Z33": (1.0, 0.93, 0),
    "heldout-Z33-check": (1.0, 0.93, 0),
    # Round 75's land allocation type: the entry's own waiver of "một trong những giấy tờ
    # chứng minh quyền sử dụng đất (GCN ... hoặc Quyết định giao đất, cho thuê đất)" reaches the
    # decision too, as Z34's second labeller reads it; its writer keeps the decision.
    "heldout-Z34": (0.97, 0.88, 0),
    "heldout-Z34-check": (1.0, 0.84, 0),
    "heldout-Z35": (0.86, 0.96, 0),
    "heldout-Z35-check": (1.0, 0.97, 0),
    "heldout-Z36": (0.93, 0.96, 0),
    "heldout-Z36-check": (1.0, 0.96, 0),
    "heldout-Z37": (1.0, 0.91, 0),
    "heldout-Z37-check": (1.0, 0.91, 0),
    "heldout-Z38": (1.0, 0.98, 0),
    "heldout-Z38-check": (0.98, 0.96, 0),
    "heldout-Z39": (1.0, 1.0, 0),
    "heldout-Z39-check": (1.0, 1.0, 0),
    "heldout-Z40": (1.0, 0.97, 0),
    "heldout-Z40-check": (1.0, 0.95, 0),
    "heldout-Z41": (0.85, 0.95, 0),
    "heldout-Z41-check": (0.95, 0.95, 0),
    "heldout-Z42": (0.96, 0.90, 0),
    "heldout-Z42-check": (1.0, 0.93, 0),
    "heldout-Z43": (1.0, 0.97, 0),
    "heldout-Z43-check": (1.0, 0.97, 0),
    "heldout-Z44": (0.97, 0.97, 0),
    "heldout-Z44-check": (0.95, 0.97, 0),
    "heldout-Z45": (0.96, 0.91, 0),
    "heldout-Z45-check": (0.98, 0.91, 0),
    "heldout-Z46": (1.0, 1.0, 0),
    "heldout-Z46-check": (1.0, 1.0, 0),
    "heldout-Z47": (1.0, 0.96, 0),
    "heldout-Z47-check": (1.0, 0.95, 0),
    "heldout-Z48": (1.0, 0.98, 0),
    "heldout-Z48-check": (1.0, 0.92, 0),
    "heldout-Z49": (1.0, 0.96, 0),
    "heldout-Z49-check": (1.0, 0.96, 0),
    "heldout-Z50": (1.0, 0.97, 0),
    "heldout-Z50-check": (1.0, 0.97, 0),
    "heldout-Z51": (0.98, 0.87, 0),
    "heldout-Z51-check": (0.98, 0.87, 0),
    "heldout-Z52": (1.0, 1.0, 0),
    "heldout-Z52-check": (1.0, 1.0, 0),
    "heldout-Z53": (0.97, 0.87, 1),
    "heldout-Z53-check": (1.0, 0.81, 0),
    "heldout-Z54": (0.81, 0.87, 0),
    "heldout-Z54-check": (0.97, 0.84, 0),
    "heldout-Z55": (0.92, 0.99, 0),
    "heldout-Z55-check": (1.0, 0.96, 0),
    # Round 75's land allocation type: both labellings strike the decision the entry's own
    # waiver reaches, and count "GCNQSDĐ, sổ đỏ, sổ hồng" as one paper where the engine names
    # two (the counting convention).
    "heldout-Z56": (0.97, 0.94, 0),
    "heldout-Z56-check": (0.97, 0.94, 0),
    "heldout-Z57": (1.0, 0.98, 0),
    "heldout-Z57-check": (1.0, 0.98, 0),
    "heldout-Z58": (1.0, 1.0, 0),
    "heldout-Z58-check": (1.0, 1.0, 0),
    "heldout-Z59": (1.0, 0.94, 0),
    "heldout-Z59-check": (1.0, 0.92, 0),
    "heldout-Z60": (0.96, 0.96, 0),
    "heldout-Z60-check": (1.0, 0.96, 0),
    "heldout-Z61": (0.92, 0.89, 0),
    "heldout-Z61-check": (0.92, 0.89, 0),
    "heldout-Z62": (1.0, 0.91, 0),
    "heldout-Z62-check": (1.0, 0.91, 0),
    "heldout-Z63": (0.80, 0.95, 0),
    "heldout-Z63-check": (1.0, 0.96, 0),
    "heldout-Z64": (0.91, 0.94, 0),
    "heldout-Z64-check": (1.0, 0.94, 0),
    "heldout-Z65": (1.0, 0.76, 0),
    "heldout-Z65-check": (1.0, 0.82, 1),
    # Round 53's "Thân nhân xuất trình thẻ Căn cước ..." reading made Z66's zero-count row "...: chủ
    # xe xuất trình thẻ căn cước/CCCD; ..." a document: both cards go, which its writer counts as one.
    "heldout-Z66": (0.75, 0.80, 0),
    "heldout-Z66-check": (1.0, 0.87, 0),
    "heldout-Z67": (0.93, 0.83, 0),
    "heldout-Z67-check": (0.93, 0.85, 0),
    "heldout-Z68": (1.0, 0.95, 0),
    "heldout-Z68-check": (1.0, 0.95, 0),
    "heldout-Z69": (1.0, 0.91, 0),
    "heldout-Z69-check": (1.0, 0.88, 0),
    "heldout-Z70": (1.0, 0.96, 0),
    "heldout-Z70-check": (1.0, 0.93, 0),
    "heldout-Z71": (1.0, 0.91, 0),
    "heldout-Z71-check": (1.0, 0.91, 0),
    "heldout-Z72": (1.0, 0.95, 0),
    "heldout-Z72-check": (1.0, 0.95, 0),
    "heldout-Z73": (1.0, 0.93, 0),
    "heldout-Z73-check": (0.96, 0.93, 0),
    "heldout-Z74": (1.0, 1.0, 0),
    "heldout-Z74-check": (1.0, 1.0, 0),
    "heldout-Z75": (0.97, 0.93, 0),
    "heldout-Z75-check": (0.97, 0.93, 0),
    "heldout-Z76": (0.78, 0.96, 0),
    "heldout-Z76-check": (0.97, 0.94, 0),
    "heldout-Z77": (1.0, 0.94, 0),
    "heldout-Z77-check": (1.0, 0.92, 0),
    "heldout-Z78": (0.97, 0.87, 0),
    "heldout-Z78-check": (0.97, 0.93, 1),
    "heldout-Z79": (1.0, 1.0, 0),
    "heldout-Z79-check": (1.0, 1.0, 0),
    "heldout-Z80": (0.92, 0.86, 0),
    "heldout-Z80-check": (0.92, 0.88, 0),
    "heldout-Z81": (0.96, 0.91, 0),
    "heldout-Z81-check": (0.98, 0.90, 0),
    "heldout-Z82": (0.96, 0.88, 0),
    "heldout-Z82-check": (0.96, 0.88, 0),
    "heldout-Z83": (1.0, 0.90, 0),
    "heldout-Z83-check": (1.0, 0.90, 0),
    "heldout-Z84": (1.0, 0.95, 0),
    "heldout-Z84-check": (1.0, 0.97, 0),
    "heldout-Z85": (1.0, 0.96, 0),
    "heldout-Z85-check": (1.0, 1.0, 0),
    "heldout-Z86": (1.0, 1.0, 0),
    "heldout-Z86-check": (1.0, 1.0, 0),
    "heldout-Z87": (1.0, 0.93, 0),
    "heldout-Z87-check": (0.76, 0.92, 0),
    "heldout-Z88": (1.0, 1.0, 0),
    "heldout-Z88-check": (1.0, 1.0, 0),
    "heldout-Z89": (0.70, 0.95, 0),
    "heldout-Z89-check": (1.0, 0.93, 0),
    "heldout-Z90": (0.93, 0.89, 0),
    "heldout-Z90-check": (0.93, 0.90, 0),
    "heldout-Z91": (1.0, 1.0, 0),
    "heldout-Z91-check": (1.0, 1.0, 1),
    "heldout-Z92": (1.0, 0.94, 0),
    "heldout-Z92-check": (1.0, 0.94, 0),
    "heldout-Z93": (0.94, 1.0, 0),
    "heldout-Z93-check": (0.94, 1.0, 0),
    "heldout-Z94": (0.97, 0.97, 0),
    "heldout-Z94-check": (1.0, 0.97, 0),
    "heldout-Z95": (1.0, 0.97, 0),
    "heldout-Z95-check": (0.97, 0.97, 0),
    "heldout-Z96": (1.0, 1.0, 0),
    "heldout-Z96-check": (0.97, 0.97, 0),
    "heldout-Z97": (1.0, 1.0, 0),
    "heldout-Z97-check": (1.0, 1.0, 0),
    "heldout-Z98": (1.0, 0.96, 0),
    "heldout-Z98-check": (1.0, 0.96, 0),
    "heldout-Z99": (0.96, 0.90, 0),
    "heldout-Z99-check": (0.96, 0.90, 0),
    "heldout-Z100": (1.0, 1.0, 0),
    "heldout-Z100-check": (1.0, 1.0, 0),
    "heldout-Z101": (0.88, 0.96, 0),
    "heldout-Z101-check": (1.0, 0.97, 0),
    "heldout-Z102": (0.92, 0.94, 0),
    "heldout-Z102-check": (0.97, 0.94, 0),
    "heldout-Z103": (0.97, 0.97, 0),
    "heldout-Z103-check": (0.94, 0.92, 0),
    "heldout-Z104": (1.0, 1.0, 0),
    "heldout-Z104-check": (1.0, 0.97, 0),
    "heldout-Z105": (1.0, 0.97, 0),
    "heldout-Z105-check": (1.0, 0.97, 0),
    "heldout-Z106": (0.97, 0.90, 0),
    "heldout-Z106-check": (0.97, 0.88, 0),
    "heldout-Z107": (0.93, 0.96, 0),
    "heldout-Z107-check": (0.93, 0.96, 0),
    "heldout-Z108": (0.91, 0.94, 0),
    "heldout-Z108-check": (0.97, 0.94, 0),
    "heldout-Z109": (0.96, 1.0, 0),
    "heldout-Z109-check": (1.0, 0.96, 0),
    "heldout-Z110": (0.97, 1.0, 0),
    "heldout-Z110-check": (1.0, 1.0, 0),
    "heldout-Z111": (1.0, 1.0, 0),
    "heldout-Z111-check": (1.0, 1.0, 0),
    "heldout-Z112": (0.9, 0.93, 1),
    "heldout-Z112-check": (0.95, 0.91, 1),
    "heldout-Z113": (0.9, 0.96, 0),
    "heldout-Z113-check": (0.96, 0.96, 0),
    "heldout-Z114": (0.82, 0.94, 0),
    "heldout-Z114-check": (0.95, 0.92, 0),
    "heldout-Z115": (0.97, 0.74, 0),
    "heldout-Z115-check": (0.97, 0.92, 0),
    "heldout-Z116": (1.0, 0.86, 0),
    "heldout-Z116-check": (1.0, 0.86, 0),
    "heldout-Z117": (1.0, 0.96, 0),
    "heldout-Z117-check": (1.0, 0.98, 0),
    "heldout-Z118": (0.81, 0.94, 2),
    "heldout-Z118-check": (0.95, 0.98, 2),
    "heldout-Z119": (1.0, 0.97, 0),
    "heldout-Z119-check": (1.0, 0.97, 0),
    "heldout-Z120": (0.96, 0.91, 0),
    "heldout-Z120-check": (0.96, 0.91, 0),
    "heldout-Z121": (0.89, 0.96, 0),
    "heldout-Z121-check": (1.0, 0.97, 0),
    "heldout-Z122": (0.82, 1.0, 0),
    "heldout-Z122-check": (1.0, 1.0, 0),
    "heldout-Z123": (1.0, 1.0, 0),
    "heldout-Z123-check": (1.0, 1.0, 0),
    "heldout-Z124": (1.0, 0.94, 0),
    "heldout-Z124-check": (0.98, 0.93, 1),
    "heldout-Z125": (0.86, 0.95, 0),
    "heldout-Z125-check": (1.0, 0.97, 0),
    "heldout-Z126": (0.94, 0.92, 0),
    "heldout-Z126-check": (1.0, 0.92, 0),
    "heldout-Z127": (1.0, 1.0, 0),
    "heldout-Z127-check": (1.0, 1.0, 0),
    "heldout-Z128": (1.0, 0.85, 0),
    "heldout-Z128-check": (1.0, 0.85, 0),
    "heldout-Z129": (1.0, 1.0, 0),
    "heldout-Z129-check": (1.0, 1.0, 0),
    "heldout-Z130": (0.97, 0.96, 0),
    "heldout-Z130-check": (0.97, 0.96, 0),
    "heldout-Z131": (1.0, 0.97, 0),
    "heldout-Z131-check": (1.0, 0.97, 0),
    "heldout-Z132": (1.0, 1.0, 0),
    "heldout-Z132-check": (1.0, 1.0, 0),
    "heldout-Z133": (1.0, 0.91, 0),
    "heldout-Z133-check": (0.98, 0.92, 0),
    "heldout-Z134": (1.0, 1.0, 0),
    "heldout-Z134-check": (1.0, 1.0, 0),
    "heldout-Z135": (1.0, 0.90, 0),
    "heldout-Z135-check": (0.98, 0.90, 0),
    "heldout-Z136": (1.0, 0.94, 1),
    "heldout-Z136-check": (0.94, 0.94, 1),
    "heldout-Z137": (0.98, 1.0, 0),
    "heldout-Z137-check": (0.98, 1.0, 0),
    "heldout-Z138": (0.98, 0.87, 0),
    "heldout-Z138-check": (0.98, 0.87, 0),
    "heldout-Z139": (1.0, 1.0, 0),
    "heldout-Z139-check": (1.0, 1.0, 0),
    "heldout-Z140": (1.0, 0.96, 0),
    "heldout-Z140-check": (1.0, 0.97, 0),
    "heldout-Z141": (0.93, 1.0, 1),
    "heldout-Z141-check": (0.93, 1.0, 1),
    "heldout-Z142": (1.0, 0.93, 0),
    "heldout-Z142-check": (1.0, 0.93, 0),
    "heldout-Z143": (1.0, 0.88, 0),
    "heldout-Z143-check": (1.0, 0.92, 0),
    "heldout-Z144": (0.98, 0.94, 1),
    "heldout-Z144-check": (1.0, 0.97, 1),
    "heldout-Z145": (1.0, 0.95, 1),
    "heldout-Z145-check": (1.0, 0.95, 1),
    "heldout-Z146": (0.96, 0.96, 0),
    "heldout-Z146-check": (0.98, 0.96, 0),
    "heldout-Z147": (1.0, 0.98, 0),
    "heldout-Z147-check": (1.0, 0.98, 0),
    "heldout-Z148": (1.0, 0.90, 0),
    "heldout-Z148-check": (1.0, 0.90, 0),
    "heldout-Z149": (1.0, 0.97, 0),
    "heldout-Z149-check": (1.0, 1.0, 0),
    "heldout-Z150": (1.0, 0.90, 0),
    "heldout-Z150-check": (0.95, 0.92, 0),
    "heldout-Z151": (1.0, 1.0, 0),
    "heldout-Z151-check": (1.0, 0.98, 0),
    "heldout-Z152": (1.0, 0.98, 0),
    "heldout-Z152-check": (1.0, 0.98, 0),
    "heldout-Z153": (0.97, 1.0, 0),
    "heldout-Z153-check": (1.0, 1.0, 0),
    "heldout-Z154": (1.0, 1.0, 0),
    "heldout-Z154-check": (1.0, 1.0, 0),
    "heldout-Z155": (0.80, 0.98, 0),
    "heldout-Z155-check": (1.0, 0.96, 0),
    "heldout-Z156": (0.98, 0.98, 0),
    "heldout-Z156-check": (0.97, 0.96, 0),
    "heldout-Z157": (1.0, 0.97, 0),
    "heldout-Z157-check": (1.0, 0.97, 0),
    "heldout-Z158": (0.92, 0.97, 0),
    "heldout-Z158-check": (0.92, 1.0, 2),
    "heldout-Z159": (0.85, 0.98, 0),
    "heldout-Z159-check": (1.0, 0.98, 0),
    "heldout-Z160": (0.78, 0.94, 0),
    "heldout-Z160-check": (1.0, 0.94, 0),
    "heldout-Z161": (1.0, 0.97, 0),
    "heldout-Z161-check": (0.98, 0.98, 1),
    "heldout-Z162": (0.98, 0.94, 0),
    "heldout-Z162-check": (0.98, 0.94, 0),
    "heldout-Z163": (1.0, 0.97, 0),
    "heldout-Z163-check": (0.98, 0.96, 0),
    "heldout-Z164": (1.0, 0.95, 0),
    "heldout-Z164-check": (0.98, 0.98, 0),
    "heldout-Z165": (1.0, 0.96, 0),
    "heldout-Z165-check": (1.0, 0.96, 2),
    "heldout-Z166": (1.0, 0.93, 0),
    "heldout-Z166-check": (1.0, 0.94, 0),
    "heldout-Z167": (0.97, 0.96, 0),
    "heldout-Z167-check": (0.97, 0.96, 0),
    "heldout-Z168": (1.0, 0.98, 0),
    "heldout-Z168-check": (0.98, 0.97, 1),
    "heldout-Z169": (0.93, 0.98, 0),
    "heldout-Z169-check": (0.97, 0.98, 0),
    "heldout-Z170": (0.83, 1.0, 0),
    "heldout-Z170-check": (0.82, 1.0, 0),
    "heldout-Z171": (1.0, 1.0, 0),
    "heldout-Z171-check": (1.0, 1.0, 0),
    "heldout-Z172": (1.0, 0.94, 0),
    "heldout-Z172-check": (1.0, 0.98, 0),
    "heldout-Z173": (0.93, 0.93, 0),
    "heldout-Z173-check": (1.0, 0.95, 0),
    "heldout-Z174": (1.0, 0.98, 0),
    "heldout-Z174-check": (1.0, 0.98, 1),
    "heldout-Z175": (1.0, 0.96, 0),
    "heldout-Z175-check": (1.0, 0.97, 0),
    "heldout-Z176": (0.89, 0.97, 0),
    "heldout-Z176-check": (0.85, 0.97, 0),
    "heldout-Z177": (0.85, 0.91, 0),
    "heldout-Z177-check": (1.0, 0.96, 0),
    "heldout-Z178": (1.0, 0.94, 0),
    "heldout-Z178-check": (1.0, 0.91, 0),
    "heldout-Z179": (1.0, 0.98, 0),
    "heldout-Z179-check": (0.83, 0.98, 0),
    "heldout-Z180": (0.98, 0.95, 0),
    "heldout-Z180-check": (1.0, 0.93, 0),
    "heldout-Z181": (1.0, 0.99, 0),
    "heldout-Z181-check": (1.0, 0.99, 1),
    "heldout-Z182": (1.0, 0.94, 0),
    "heldout-Z182-check": (0.98, 0.94, 0),
    "heldout-Z183": (1.0, 0.92, 0),
    "heldout-Z183-check": (1.0, 0.94, 0),
    "heldout-Z184": (1.0, 0.99, 0),
    "heldout-Z184-check": (1.0, 0.97, 0),
    "heldout-Z185": (0.98, 0.96, 0),
    "heldout-Z185-check": (0.87, 1.0, 0),
    "heldout-Z186": (0.85, 0.98, 0),
    "heldout-Z186-check": (0.97, 1.0, 0),
    "heldout-Z187": (0.84, 0.95, 0),
    "heldout-Z187-check": (1.0, 0.96, 0),
    "heldout-Z188": (1.0, 1.0, 0),
    "heldout-Z188-check": (0.93, 0.93, 0),
    "heldout-Z189": (0.9, 0.98, 0),
    "heldout-Z189-check": (0.88, 0.98, 0),
    "heldout-Z190": (0.89, 0.96, 0),
    "heldout-Z190-check": (0.97, 0.96, 0),
    "heldout-Z191": (0.88, 0.96, 0),
    "heldout-Z191-check": (1.0, 0.97, 1),
    "heldout-Z192": (0.98, 0.95, 0),
    "heldout-Z192-check": (1.0, 0.97, 0),
    "heldout-Z193": (1.0, 1.0, 0),
    "heldout-Z193-check": (1.0, 0.98, 0),
    "heldout-Z194": (0.89, 0.98, 1),
    "heldout-Z194-check": (0.89, 0.98, 0),
    "heldout-Z195": (1.0, 0.94, 0),
    "heldout-Z195-check": (1.0, 0.92, 0),
    "heldout-Z196": (0.91, 0.97, 0),
    "heldout-Z196-check": (1.0, 0.98, 0),
    "heldout-Z197": (1.0, 1.0, 0),
    "heldout-Z197-check": (1.0, 1.0, 0),
    "heldout-Z198": (0.84, 1.0, 0),
    "heldout-Z198-check": (1.0, 0.97, 0),
}


#: A list mark the parser drops from the row's text ("a) ", "đ) ", "+ ", "1. ", "II. ").
_MARK = re.compile(r"^\s*(?:[a-zđ]\)|\d{1,2}[.)]|\(\d{1,2}\)|[IVX]{1,4}\.|[-+•*])\s*", re.IGNORECASE)


def _key(text: str, n: int = 24) -> str:
    return re.sub(r"\W+", "", _MARK.sub("", text).casefold())[:n]


def _same_row(entry_text: str, starts: str) -> bool:
    a, b = _key(entry_text), _key(starts)
    n = min(len(a), len(b))
    # A row shorter than the key ("Học bạ") matches only whole.
    return (n >= 8 or len(a) == len(b)) and n > 0 and a[:n] == b[:n]


def load_sets() -> list[tuple[Path, dict]]:
    out = []
    for labels in sorted(HELDOUT.glob("*/labels*.yaml")):
        for item in yaml.safe_load(labels.read_text(encoding="utf-8"))["entries"]:
            out.append((labels.parent / "records", item))
    return out


def heldout_answers(items: list[tuple[Path, dict]]):
    """The engine's decision for each label, or ``("unmatched", None)``."""
    recogniser = shipped_recogniser()
    law = load_catalogue().catalogue
    parsed = {}
    for records, item in items:
        path = records / item["file"]
        if path not in parsed:
            data = json.loads(path.read_text(encoding="utf-8"))
            parsed[path] = parse_record(data, item["file"], item["file"].split("/", 1)[0], recogniser)
    # Writers chose codes independently (several used one real Appendix I code):
    # each set is its own catalogue.
    engines = {}
    for records in {records for records, _ in items}:
        cat = law.copy_on_write("heldout")
        cat.procedures = {r.procedure.code: r.procedure for path, r in parsed.items()
                          if r.procedure is not None and path.is_relative_to(records)}
        engines[records] = Engine(cat)
    answers = []
    for records, item in items:
        result = parsed[records / item["file"]]
        if result.procedure is None:
            answers.append(("unmatched", None))
            continue
        entries = result.entries
        k = item["entry"]
        if not (k < len(entries) and _same_row(entries[k].text, item["starts"])):
            k = next((i for i, e in enumerate(entries) if _same_row(e.text, item["starts"])), None)
        if k is None:
            answers.append(("unmatched", None))
            continue
        answers.append(decision_at(engines[records], result, k))
    return answers


@pytest.fixture(scope="module")
def measured():
    items = load_sets()
    if not items:
        pytest.skip("no held-out sets")
    answers = heldout_answers(items)
    labels = [item for _, item in items]
    return labels, answers, score(labels, answers)


def test_heldout_records_say_they_are_synthetic():
    for path in HELDOUT.glob("*/records/*/*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert "not a portal record" in data.get("_synthetic", ""), path


def test_heldout_strikes(measured):
    labels, answers, scores = measured
    unmatched = {}
    for item, answer in zip(labels, answers):
        if answer[0] == "unmatched":
            unmatched.setdefault(item["set"], []).append(f"{item['file']}#{item['entry']}")
    for name in sorted(scores):
        s = scores[name]
        print(
            f"\n{name}: {s['entries']} entries ({len(unmatched.get(name, []))} unmatched); papers struck: precision "
            f"{s['precision']:.3f} ({s['tp']}/{s['tp'] + s['fp']}), recall {s['recall']:.3f} ({s['tp']}/{s['tp'] + s['fn']}); "
            f"conditional papers {s['cond_tp']}/{s['cond_want']} found, {s['cond_got']} given; "
            f"entries struck whole {s['entries_struck']} (right {s['entries_right']}, over-strikes {s['over_strikes']}) "
            f"of {s['entries_labelled_go']} labelled to go"
        )
    show = os.environ.get("ONCEONLY_SHOW_MISMATCHES")
    if show:
        answers_ = [None if a[0] == "unmatched" else a for a in answers]
        for item, d, want, got in mismatches(labels, answers_, show):
            print(f"\n{item['file']}#{item['entry']} want {want} got {got} entry {item['entry_goes']} -> {d.status.value if d else None}")
            for c in d.components if d else []:
                print(f"     {c.id} {c.status.value:9} {c.source} {c.document_types} {c.path} {c.text[:80]!r}")
    for name, (precision, recall, over) in FLOORS.items():
        s = scores[name]
        assert s["precision"] >= precision and s["recall"] >= recall and s["over_strikes"] <= over, (name, s)


def test_the_two_labellings_agree_as_printed():
    """How often two people who read the same entries agree (the second
    labelling scored as if it were the engine, against the writer's): the
    ceiling any reader, the engine included, can be measured against."""
    from collections import Counter

    tp = mine = theirs = second_only = writer_only = entries = 0
    unmatched: list[str] = []
    for labels in sorted(HELDOUT.glob("*/labels.yaml")):
        check = labels.with_name("labels-check.yaml")
        if not check.exists():
            continue
        second = {(x["file"], x["entry"]): x for x in yaml.safe_load(check.read_text(encoding="utf-8"))["entries"]}
        for x in yaml.safe_load(labels.read_text(encoding="utf-8"))["entries"]:
            y = second.get((x["file"], x["entry"]))
            if y is None:
                unmatched.append(f"{labels.parent.name}/{x['file']}#{x['entry']}")
                continue
            entries += 1
            a = Counter(str(p["source"]) for p in x["papers"] if p["goes"] == "yes")
            b = Counter(str(p["source"]) for p in y["papers"] if p["goes"] == "yes")
            tp += sum((a & b).values())
            mine += sum(a.values())
            theirs += sum(b.values())
            second_only += y["entry_goes"] == "yes" and x["entry_goes"] != "yes"
            writer_only += x["entry_goes"] == "yes" and y["entry_goes"] != "yes"
    if not entries:
        pytest.skip("no set is labelled twice")
    print(f"\nlabellers' agreement on {entries} entries: second against writer precision {tp / theirs:.3f} ({tp}/{theirs}), "
          f"recall {tp / mine:.3f} ({tp}/{mine}); whole entries the second strikes and the writer keeps {second_only}, "
          f"the reverse {writer_only}")
    # Every entry a writer labelled is labelled the second time too.
    assert not unmatched, unmatched[:5]
