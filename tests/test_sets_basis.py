"""What the shipped sets claim about their authority matches their basis.

An official reading a criterion must be able to trust two things: a criterion tagged `law`
points at the article that imposes it, and a sentence shown to a household ("quy định của
tỉnh", "Nghị định ...", "chỉ tiêu của Kế hoạch") names only an authority the criterion's
basis actually has. Where the rule is ours, it says so (`proposal`), and it is never presented
as the province's.
"""

from __future__ import annotations

import re

import pytest

from criteria_engine import CriteriaSet, load_registry

REVISIONS = load_registry().revisions()

# An article of a legal text, in each language: "Điều 6 khoản 4", "Art. 6.4", "Arts. 5 and 8".
ARTICLE = {"vi": re.compile(r"\bĐiều \d+"), "en": re.compile(r"\bArts?\. \d+")}

# Words by which a sentence names an authority, and the basis kind each one needs.
AUTHORITY: dict[str, dict[str, re.Pattern[str]]] = {
    "law": {
        "vi": re.compile(r"quy định|Nghị định|Thông tư|\bLuật\b|Hiến pháp|Quyết định \d+/\d{4}/QĐ", re.I),
        "en": re.compile(
            r"\b(decree|circular|law|regulation|constitution|required by)\b|provincial (rule|addition|requirement)",
            re.I,
        ),
    },
    "plan": {  # the plan as a document ("Kế hoạch năm 2026"), not a commune's own relocation plan
        "vi": re.compile(r"Kế hoạch (năm \d{4}|nâng cao)|(chỉ tiêu|mục tiêu) (của|theo) (tỉnh|Kế hoạch)"),
        "en": re.compile(r"\b(\d{4} plan|the plan|plan item|plan's|province's target)", re.I),
    },
    "proposal": {
        "vi": re.compile(r"đề xuất", re.I),
        "en": re.compile(r"\b(proposal|proposed|proposes)\b", re.I),
    },
}

# A proposal is ours: it may not be attributed to the province (there is no provincial rule).
ATTRIBUTED_TO_PROVINCE = {
    "vi": re.compile(r"(đề xuất|quy định)( bổ sung)? của tỉnh", re.I),
    "en": re.compile(r"provincial (proposal|rule|addition|requirement)", re.I),
}


def _criteria(model: CriteriaSet):  # type: ignore[no-untyped-def]
    return model.criteria()


def _messages(criterion) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(verdict, language, sentence) of every message template of a criterion."""
    if criterion.message is None:
        return []
    out = []
    for verdict in ("pass", "fail", "unknown", "not_applicable"):
        text = getattr(criterion.message, "pass_" if verdict == "pass" else verdict)
        for lang, sentence in (text or {}).items():
            out.append((verdict, lang, sentence))
    return out


@pytest.mark.parametrize("revision", REVISIONS, ids=lambda r: r.ref)
def test_every_criterion_tagged_law_cites_an_article(revision) -> None:  # type: ignore[no-untyped-def]
    missing = [
        (c.id, lang, basis.ref[lang])
        for c in _criteria(revision.model)
        for basis in c.basis
        if basis.kind == "law"
        for lang in ("vi", "en")
        if not ARTICLE[lang].search(basis.ref[lang])
    ]
    assert missing == []


@pytest.mark.parametrize("revision", REVISIONS, ids=lambda r: r.ref)
def test_every_message_names_only_an_authority_its_basis_has(revision) -> None:  # type: ignore[no-untyped-def]
    wrong = []
    for criterion in _criteria(revision.model):
        kinds = {b.kind for b in criterion.basis}
        for verdict, lang, sentence in _messages(criterion):
            for kind, patterns in AUTHORITY.items():
                if lang in patterns and patterns[lang].search(sentence) and kind not in kinds:
                    wrong.append((criterion.id, verdict, lang, kind, sentence))
    assert wrong == []


@pytest.mark.parametrize("revision", REVISIONS, ids=lambda r: r.ref)
def test_no_rule_is_attributed_to_the_province(revision) -> None:  # type: ignore[no-untyped-def]
    model = revision.model
    texts = [
        (f"{c.id} basis", lang, b.ref[lang])
        for c in _criteria(model)
        for b in c.basis
        for lang in ("vi", "en")
    ]
    texts += [(f"{c.id} {v}", lang, s) for c in _criteria(model) for v, lang, s in _messages(c)]
    texts += [
        (f"parameter {name}", lang, b.ref[lang])
        for name, p in model.parameters.items()
        for b in p.basis
        for lang in ("vi", "en")
    ]
    assert [t for t in texts if ATTRIBUTED_TO_PROVINCE[t[1]].search(t[2])] == []


def test_the_checks_catch_what_they_are_for() -> None:
    """The patterns are not vacuous: the sentences the review objected to are caught."""
    assert AUTHORITY["law"]["vi"].search("Hộ không được xét (quy định bổ sung của tỉnh).")
    assert AUTHORITY["law"]["en"].search("The household cannot be considered (a provincial addition).")
    assert ATTRIBUTED_TO_PROVINCE["vi"].search("Đề xuất của tỉnh theo Kế hoạch năm 2026")
    assert ATTRIBUTED_TO_PROVINCE["en"].search("Provincial proposal under the 2026 plan")
    assert not ARTICLE["vi"].search("Quyết định 51/2025/QĐ-TTg; lộ trình cho xã nhóm 3 là đề xuất")
    assert ARTICLE["en"].search("Decree 86/2023/ND-CP, Art. 6.4(a)")
    assert not AUTHORITY["law"]["vi"].search("Thu nhập dưới 80% mức của tỉnh.")
    assert AUTHORITY["plan"]["vi"].search("Đạt chỉ tiêu của Kế hoạch năm 2026.")
    assert not AUTHORITY["plan"]["vi"].search("Đã di dời 4/4 hộ theo kế hoạch năm.")


@pytest.mark.parametrize("revision", REVISIONS, ids=lambda r: r.ref)
def test_a_plan_basis_is_the_plan_as_worded(revision) -> None:  # type: ignore[no-untyped-def]
    """`plan` means the threshold and the comparison are the plan's own words; where the
    reading is ours (e.g. "khoảng" read as "từ ... trở lên"), the basis is a `proposal`."""
    ours = [
        (c.id, b.ref["en"])
        for c in _criteria(revision.model)
        for b in c.basis
        if b.kind == "plan"
        and (
            AUTHORITY["proposal"]["vi"].search(b.ref["vi"]) or AUTHORITY["proposal"]["en"].search(b.ref["en"])
        )
    ]
    assert ours == []


def test_the_commune_index_criterion_says_its_method_is_unconfirmed() -> None:
    """Until the statistics office confirms HI = LS x LE / ENV, a commune's G1 says so."""
    from criteria_engine import compile_plan

    registry = load_registry()
    for revision in registry.revisions("happy-commune"):
        plan = compile_plan(revision, registry.resolver())
        for index, words in ((70.2, "10"), (60.0, "0")):
            result = plan.evaluate({"id": "C", "happiness_index": index})
            g1 = {lang: result.explain(lang) for lang in ("vi", "en")}
            assert "chưa được xác nhận chính thức" in g1["vi"], (revision.ref, words)
            assert "not officially confirmed" in g1["en"], (revision.ref, words)
    for set_id in ("laocai-happiness-index", "laocai-happiness-index-province"):
        basis = registry.get(f"{set_id}@2026.1").model.basis
        assert any(b.kind == "proposal" and "inferred" in b.ref["en"] for b in basis), set_id
