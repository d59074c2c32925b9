"""Armed groups and organisations a document introduces itself (sim/seeding/groups.py)."""

from __future__ import annotations

import pytest

from sim.seeding.gazetteer import standard_gazetteer
from sim.seeding.groups import with_document_groups


def introduced(text: str) -> dict[str, tuple[str, str]]:
    """Name -> (actor id, kind) for every name the text adds to the gazetteer."""
    base = standard_gazetteer()
    gaz = with_document_groups(text, base)
    return {n: (a, gaz.actors[a].kind) for n, (a, _) in gaz.aliases.items()
            if n not in base.aliases}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "name", "actor", "kind"),
    [
        ("The army fought the National Liberation Army (ELN) on Monday.", "ELN", "eln",
         "armed_group"),
        ("Fighters from Harakat al-Shabaab al-Mujahideen (HSM) attacked.", "HSM", "hsm",
         "armed_group"),
        ("Iran struck the Party of Free Life of Kurdistan (PJAK) in Iraq.", "PJAK", "pjak",
         "armed_group"),
        ("Forces of the Government of National Accord (GNA) held.", "GNA", "gna", "state"),
        ("They created the Alliance of Sahel States (AES) in July.", "AES", "aes", "alliance"),
        ("Haftar's self-styled Libyan National Army (LNA) advanced.", "Libyan National Army",
         "lna", "armed_group"),
        ("The Turkey-backed Syrian National Army attacked Tal Rifaat.", "Syrian National Army",
         "syrian_national_army", "armed_group"),
        ("Drones of the Islamic Resistance in Iraq hit a base.", "Islamic Resistance in Iraq",
         "islamic_resistance_in_iraq", "armed_group"),
        ("Clashes with the Yazidi YBS militia went on.", "YBS", "ybs", "armed_group"),
        # described in an apposition
        ("The Fano, a loose network of ethnic Amhara militias, seized Lalibela.", "Fano",
         "fano", "armed_group"),
        ("Viv Ansanm, a coalition of armed gangs, attacked the airport.", "Viv Ansanm",
         "viv_ansanm", "armed_group"),
        ("Insurgents of the Islamic State-linked group Ansar al-Sunna held the town.",
         "Ansar al-Sunna", "ansar_al_sunna", "armed_group"),
        ("Officials blamed the Colombian gang Clan del Golfo for the killings.",
         "Clan del Golfo", "clan_del_golfo", "armed_group"),
        ("Troops clashed with gunmen of the Sinaloa Cartel in Culiacan.", "Sinaloa Cartel",
         "sinaloa_cartel", "armed_group"),
        ("Tigray regional forces attacked a federal army base near Mekelle.", "Tigray", "tigray",
         "territory"),
        ("U.S. jets struck militants in the semi-autonomous region of Puntland.", "Puntland",
         "puntland", "territory"),
    ],
)  # fmt: skip
def test_a_group_the_text_introduces_becomes_an_actor(text, name, actor, kind):
    assert introduced(text)[name] == (actor, kind)


@pytest.mark.parametrize(
    "text",
    [
        "The Israel Defense Forces (IDF) said it struck Gaza.",  # a state's own military
        "The Sudanese Armed Forces recaptured the palace.",
        "The Defence Ministry (MoD) said so.",  # offices and agencies are no actors
        "The International Atomic Energy Agency (IAEA) inspected the site.",
        "Turkey Sends Troops To Libya As Haftar's Forces Press On Tripoli",  # title case
        "Mohamed Bazoum. The Economic Community of West African States (ECOWAS) met.",
        "On Monday, a group of gunmen attacked the convoy.",  # a day is no group
        "The army resumed its offensive against the Rapid Support Forces in Omdurman.",
        "Pakistan said its forces had killed 12 Afghan Taliban fighters.",  # a count, a state
        # a state's own service, also under another of the state's names
        "Jets of the Royal Saudi Air Force (RSAF) struck the port.",
        "The ministry asked to list the Iranian Revolutionary Guard Corps as a terrorist group.",
        # an article opening the sentence is no part of the name; "Armed Defence Forces"
        "An Indian Army officer and two soldiers were killed in the valley, the Army said.",
        "The Mozambique Armed Defence Forces said insurgents attacked the town.",
    ],
)
def test_names_that_are_not_new_actors(text):
    added = introduced(text)
    assert all(kind != "armed_group" or name == "IDF" for name, (_, kind) in added.items()), added


def test_a_state_military_acronym_names_the_state():
    assert introduced("The Sudanese Armed Forces (SAF) said it struck Omdurman.") == {
        "SAF": ("sudan", "state")
    }


@pytest.mark.parametrize(
    ("text", "description", "actor"),
    [
        # a people's fighters are the one armed group the text names after that people
        ("BAGHDAD, Aug 25 (Wire) - Turkish jets bombed Kurdish rebels in northern Iraq, and "
         "PKK fighters ambushed a convoy in Hakkari on Thursday.", "Kurdish rebels", "pkk"),
        ("Pakistani troops killed Baloch separatists in Turbat, a day after the Baloch "
         "Liberation Army attacked a train.", "Baloch separatists", "bla"),
    ],
)  # fmt: skip
def test_a_people_s_fighters_are_the_group_of_that_people(text, description, actor):
    gaz = with_document_groups(text, standard_gazetteer())
    assert gaz.aliases[description][0] == actor


def test_a_people_s_fighters_with_no_group_of_theirs_are_an_actor_of_their_own():
    text = "Malian troops and Wagner fighters attacked Tuareg rebels near Kidal on Monday."
    assert introduced(text)["Tuareg rebels"] == ("tuareg_rebels", "armed_group")
