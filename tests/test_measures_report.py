"""Tables for notebooks: rounded, escaped, dated, deterministic."""

from __future__ import annotations

import datetime

import pytest

from connectivism.examples import load_example
from connectivism.measures import MEASURE_INFO, measure_all
from connectivism.measures.report import GROUPS, Report, measures_table, profile_table, suggestions_list
from connectivism.measures.values import FORMATTERS, formats
from connectivism.network import LearningNetwork
from connectivism.suggestions import suggest

AS_OF = datetime.date(2026, 10, 1)


@pytest.fixture(scope="module")
def teacher():
    net = load_example("teacher")
    return net, measure_all(net, as_of=AS_OF)


def test_measures_table_shows_every_group_dated_and_rounded(teacher):
    _, m = teacher
    report = measures_table(m)
    assert isinstance(report, Report) and report._repr_html_() == report.html
    for text in (report.text, report.html):
        assert "as of 1 October 2026" in text
    assert report.html.count('scope="colgroup"') == len(GROUPS)
    assert "Betweenness: 0.87" in report.text and "Constraint: 0.24" in report.text
    assert "10.8 of 12 contacts" in report.text
    assert "0.8653" not in report.text  # rounded only here


def test_measures_table_groups(teacher):
    _, m = teacher
    assert "Reach" in measures_table(m, groups=["reach"]).text
    assert "Betweenness" not in measures_table(m, groups=["reach"]).text
    with pytest.raises(KeyError, match="no group"):
        measures_table(m, groups=["nope"])


def test_names_are_escaped():
    net = LearningNetwork("<b>Me</b>")
    net.add("<script>alert(1)</script>", "tool", topic="<i>x</i>")
    net.connect("<b>Me</b>", "<script>alert(1)</script>", last_contact="2020-01-01")
    m = measure_all(net, as_of=AS_OF)
    for report in (measures_table(m), profile_table(m), suggestions_list(suggest(net, as_of=AS_OF), m)):
        assert "<script>" not in report.html and "<b>Me</b>" not in report.html and "<i>x" not in report.html
        assert "&lt;script&gt;" in report.html or "&lt;b&gt;Me" in report.html


def test_missing_data_is_said_not_shown_as_zero():
    m = measure_all(LearningNetwork("Me"), as_of=AS_OF)
    assert "Freshness: not enough data" in measures_table(m).text
    assert "not enough data" in profile_table(m).text


def test_profile_table(teacher):
    _, m = teacher
    report = profile_table(m)
    assert "Diversity     0.84 ████████░░" in report.text
    assert "width:84px" in report.html and 'aria-hidden="true"' in report.html
    assert "not Downes' definitions" in report.text


def test_suggestions_list(teacher):
    net, m = teacher
    report = suggestions_list(suggest(net, as_of=AS_OF, measures=m), m)
    assert report.text.startswith("Suggestions for Amira, as of 1 October 2026")
    assert "1. Principle 5: nurturing connections" in report.text
    assert report.html.count("<li>") == 4
    empty = suggestions_list([])
    assert "Nothing stands out" in empty.text and "<ol>" not in empty.html


def test_reports_are_deterministic(teacher):
    net, m = teacher
    again = measure_all(load_example("teacher"), as_of=AS_OF)
    assert measures_table(m).html == measures_table(again).html
    assert profile_table(m).html == profile_table(again).html


def test_every_measure_in_the_table_has_one_registered_formatter():
    shown = {measure for _, measures in GROUPS.values() for measure in measures}
    assert shown <= set(MEASURE_INFO)
    assert set(FORMATTERS) == shown
    with pytest.raises(ValueError, match="already has a formatter"):
        formats("kinds")
    with pytest.raises(KeyError, match="no measure"):
        formats("no such measure")


def test_each_formatter_gives_a_value_and_the_fields_its_explanation_needs():
    from connectivism.messages import MESSAGES, fields_of

    for net in (load_example("teacher"), LearningNetwork("Sam")):
        m = measure_all(net, as_of=datetime.date(2026, 10, 1))
        for measure, formatter in FORMATTERS.items():
            value, fields = formatter(m, None)
            assert value and isinstance(value, str), measure
            assert fields_of(MESSAGES["en"][MEASURE_INFO[measure].explanation]) == set(fields), measure
