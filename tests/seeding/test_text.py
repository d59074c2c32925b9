"""Reading documents: sentences with exact spans, and a clear refusal of unusable input."""

from __future__ import annotations

import pytest

from sim.domain.errors import WargameError
from sim.seeding.errors import BadDocumentError
from sim.seeding.text import parse_document, split_sentences


def test_sentences_keep_exact_spans():
    text = "The U.S. Army moved. Russia said no!\nA new line starts here"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "The U.S. Army moved.",
        "Russia said no!",
        "A new line starts here",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.number for s in sentences] == [1, 2, 3]


def test_a_middle_initial_ends_no_sentence():
    text = ("The Pentagon was moving the USS Gerald R. Ford carrier group to the region. It "
            "said so on Sunday.")  # fmt: skip
    assert [s.text for s in split_sentences(text)] == [
        "The Pentagon was moving the USS Gerald R. Ford carrier group to the region.",
        "It said so on Sunday.",
    ]


def test_a_military_rank_ends_no_sentence():
    text = ("Iran vowed to avenge Maj. Gen. Hossein Salami, Capt. Ali Rezaei of the navy said "
            "on Monday. Brig. Gen. Omar Khan and Sgt. Lee Park were wounded.")  # fmt: skip
    assert [s.text for s in split_sentences(text)] == [
        "Iran vowed to avenge Maj. Gen. Hossein Salami, Capt. Ali Rezaei of the navy said on "
        "Monday.",
        "Brig. Gen. Omar Khan and Sgt. Lee Park were wounded.",
    ]


def test_a_lone_capital_in_a_headline_ends_no_sentence():
    text = ("W. African troops to join fight in Mali\n\nN. Korea fired a missile on Sunday, "
            "the South's military said. It flew east.")  # fmt: skip
    assert [s.text for s in split_sentences(text)] == [
        "W. African troops to join fight in Mali",
        "N. Korea fired a missile on Sunday, the South's military said.",
        "It flew east.",
    ]


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Die Lage verschärft sich, Russland verlegt Truppen an die Grenze.".encode("latin-1"),
         "UTF-8"),
        ("Россия направила войска к границе, заявил министр обороны.".encode(), "English"),
        ("Die Bundesregierung hat heute neue Sanktionen gegen Russland beschlossen, weil die "
         "Lage sich verschärft.".encode(), "English"),
    ],
)  # fmt: skip
def test_unusable_input_is_refused_with_a_reason(raw, problem):
    with pytest.raises(BadDocumentError) as info:
        parse_document(raw, "doc.txt")
    assert problem in str(info.value)
    assert isinstance(info.value, WargameError)
    assert str(info.value).startswith("Cannot seed a scenario from doc.txt")
