"""Which event clauses make their parties take part (sim/seeding/taking_part.py): the others
are named only in passing."""

from __future__ import annotations

import pytest

from tests.seeding.helpers import kept_and_passing


def assert_split(text: str, kept_ones: set, passing: set) -> None:
    """``kept_ones`` take part, ``passing`` are named only in passing, and none is both."""
    kept, named = kept_and_passing(text)
    assert kept_ones <= kept and passing <= named and not passing & kept


@pytest.mark.parametrize(
    ("text", "passing"),
    [
        # a party that says it will not act takes no part
        ("BISHKEK, Sept 16 (Wire) - Kyrgyz and Tajik troops clashed on the border on Friday. "
         "Russia said it was ready to help but would not send peacekeepers.", {"russia"}),
        # a reporter: its neighbour is not itself, and a missile launched from a place was
        # not launched by whoever detected it
        ("North Korea fired a missile on Thursday. South Korea warned that its northern "
         "neighbour may test a nuclear weapon, and its military said it had detected a missile "
         "launched from near Pyongyang.", {"south_korea"}),
        # an act only weighed is no part taken
        ("Saudi jets struck Houthi rebels on Thursday. Pakistan said it was considering a Saudi "
         "request to send troops.", {"pakistan"}),
        # ... as is an offer: to mediate is to take part, to offer it is not yet
        ("NEW DELHI, May 7 (Wire) - Indian missiles struck nine sites in Pakistan on "
         "Wednesday. Russia called for calm, while Saudi Arabia and Qatar offered to mediate.",
         {"russia", "saudi_arabia", "qatar"}),
        # deploring violence nobody is named for is a call for calm
        ("Azerbaijan shelled Stepanakert on Tuesday. On Wednesday, France condemned the "
         "bloodshed and called for an immediate end to hostilities.", {"france"}),
        # what the text recalls from years past is background
        ("France struck rebel bases on Monday. It has committed jets to the fight against the "
         "Islamists who seized control of northern Niger last year.", {"niger"}),
        # talk with no party named is no part in the crisis
        ("Iran fired drones at Israel on Saturday. The U.N. Security Council was set to meet on "
         "Sunday, and Poland's prime minister said he would inform the public.",
         {"united_nations", "poland"}),
    ],
)  # fmt: skip
def test_named_in_passing(text, passing):
    assert_split(text, set(), passing)


def test_a_mediator_takes_part():
    kept, _ = kept_and_passing("Israel and Hamas agreed a truce on Wednesday, and Egypt, which "
                               "also mediated, said it would open the crossing.")  # fmt: skip
    assert "egypt" in kept


@pytest.mark.parametrize(
    ("text", "passing"),
    [
        # envoys are diplomacy, not a deployment
        ("Eritrean troops attacked Djibouti on Tuesday. The African Union said it would send "
         "envoys to the region.", {"african_union"}),
        # a war dated to years long past is history
        ("Eritrean troops attacked Djibouti on Tuesday. Ethiopia, which fought a border war "
         "with Eritrea from 1998 to 2000, said it was watching.", {"ethiopia"}),
        # a deployment the text dates to last year is background
        ("KIGALI, July 9 (Wire) - Rwanda will send 1,000 troops to Mozambique to fight "
         "insurgents, the government said on Friday. Kigali is a big contributor to U.N. "
         "missions and last year sent several hundred soldiers to the Central African Republic "
         "after a coup attempt.", {"central_african_republic"}),
    ],
)  # fmt: skip
def test_history_and_diplomacy_are_passing(text, passing):
    assert_split(text, set(), passing)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # helpers named after "support from" take part
        ("British jets struck radar sites in Yemen on Friday, with non-operational support from "
         "the Netherlands, Canada and Bahrain, the ministry said.",
         {"netherlands", "canada", "bahrain"}),
        # ... and so does whose support the text names
        ("Russian troops shelled Kharkiv on Monday, as Kyiv braced for a cut in U.S. support.",
         {"united_states"}),
        ("Somali government forces backed by African Union troops attacked al Shabaab "
         "positions on Thursday.", {"african_union"}),
        # a go-between persuading a party takes part
        ("Senegalese troops crossed into Gambia on Thursday. The presidents of Guinea and "
         "Mauritania will fly to Banjul to try to persuade Jammeh to step down.",
         {"guinea", "mauritania"}),
        # ... and so does one paying for another's mission
        ("Kenyan police officers arrived in Haiti on Tuesday to fight the gangs. The United "
         "States has pledged $300 million to fund the mission.", {"united_states"}),
        # a group's backer takes part
        ("U.S. jets struck the Iran-backed group's depots on Saturday, the Pentagon said.",
         {"iran"}),
        # ... and so does whoever brokers or proposes the settlement
        ("Armenian separatists in Karabakh laid down their arms on Wednesday under a truce, "
         "proposed by Russian peacekeepers, that ended a day of Azerbaijani shelling.",
         {"russia"}),
        ("ROSTOV, June 24 (Wire) - Wagner fighters turned back from Moscow on Saturday under a "
         "deal brokered by Kazakhstan, the Kremlin said.", {"kazakhstan"}),
    ],
)  # fmt: skip
def test_helpers_and_backers_take_part(text, parties):
    kept, _ = kept_and_passing(text)
    assert parties <= kept


@pytest.mark.parametrize(
    ("text", "passing"),
    [
        # talks among outsiders to the fighting
        ("LIMA, Jan 27 (Wire) - Peruvian troops attacked Ecuadorean posts on Thursday. Argentina, "
         "Brazil and Chile said their envoys would meet in Rio de Janeiro next week.",
         {"argentina", "brazil", "chile"}),
        # a side taken in the background of a story about others
        ("PRISTINA, May 30 (Wire) - NATO will send 700 more troops to Kosovo after clashes on "
         "Monday. Russia and China have sided with Belgrade since 2008.",
         {"russia", "china", "serbia"}),
    ],
)  # fmt: skip
def test_ties_among_outsiders_are_passing(text, passing):
    assert_split(text, set(), passing)


def test_talks_with_a_party_take_part():
    kept, _ = kept_and_passing("Peruvian troops attacked Ecuadorean posts on Thursday. Brazil "
                               "met with Ecuador on Friday to discuss a truce.")  # fmt: skip
    assert "brazil" in kept


def test_a_victim_s_nationality_is_no_party():
    kept, passing = kept_and_passing(
        "Israeli strikes on Gaza killed 12 people on Monday, among them a British aid worker, "
        "and Hamas fired rockets at Tel Aviv, officials said."
    )
    assert "united_kingdom" in passing and {"israel", "hamas"} <= kept


def test_a_state_only_struck_as_a_group_s_home_is_a_place():
    kept, passing = kept_and_passing(
        "JERUSALEM, July 20 (Wire) - Israeli warplanes struck the Houthi-held port of Hodeidah "
        "on Saturday in Israel's first direct attack on Yemen, a day after a Houthi drone hit "
        "Tel Aviv."
    )
    assert {"israel", "houthis"} <= kept and "yemen" in passing


@pytest.mark.parametrize(
    ("text", "host_passing"),
    [
        # troops sent into the host after the group are the same fight: the host is a place
        ("TEL AVIV, July 12 (Wire) - Hezbollah fighters captured two Israeli soldiers in a raid "
         "across the border on Wednesday. Israeli warplanes struck Hezbollah positions and "
         "Israeli troops crossed into southern Lebanon to hunt for the captives.", True),
        # a host whose own army acts takes part
        ("TEL AVIV, July 12 (Wire) - Israeli warplanes struck Hezbollah positions and Israeli "
         "troops crossed into southern Lebanon on Tuesday. The Lebanese army withdrew from its "
         "border posts, officials said.", False),
    ],
)  # fmt: skip
def test_troops_sent_after_a_group_into_its_home(text, host_passing):
    kept, passing = kept_and_passing(text)
    assert {"israel", "hezbollah"} <= kept
    assert ("lebanon" in passing) is host_passing and ("lebanon" in kept) is not host_passing


def test_a_host_state_that_acts_takes_part():
    kept, _ = kept_and_passing(
        "Indian jets struck a Jaish-e-Mohammed camp in Pakistan on Tuesday, and Pakistan said "
        "its air force had shot down two Indian jets."
    )
    assert "pakistan" in kept


@pytest.mark.parametrize(
    ("text", "taking_part", "passing"),
    [
        # a supplier of arms takes part though no recipient is named
        ("Tajik troops shelled Kyrgyz villages on Friday. Bishkek alleges that Moscow has "
         "smuggled in weapons since the spring.", {"russia"}, set()),
        ("French jets struck rebel columns near Gao on Sunday, and Britain is providing two C-17 "
         "transport planes to carry French equipment.", {"united_kingdom"}, set()),
        # support with no arms named is no part by itself
        ("U.S. jets struck Houthi radar sites on Friday. Australia and Canada provided support "
         "for the operation, the Pentagon said.", set(), {"australia", "canada"}),
    ],
)  # fmt: skip
def test_an_arms_supplier_with_no_recipient_takes_part(text, taking_part, passing):
    assert_split(text, taking_part, passing)


def test_a_deal_signed_last_year_still_stands():
    kept, _ = kept_and_passing(
        "YEREVAN, Sept 5 (Wire) - Azerbaijani forces shelled Armenian border posts on Monday. "
        "Armenia signed a deal with France last year to buy air defence radars."
    )
    assert "france" in kept


def test_a_group_named_only_as_an_affiliation_is_not_the_militants():
    kept, named = kept_and_passing(
        "KIGALI, July 9 (Wire) - Rwanda will send 1,000 troops to Mozambique to help the country "
        "battle extremist militants, the government said on Friday. Islamic State-linked "
        "jihadists have terrorised the province of Cabo Delgado since 2017."
    )
    assert {"rwanda", "mozambique"} <= kept and "islamic_state" not in kept


@pytest.mark.parametrize(
    ("text", "kept_ones", "passing"),
    [
        # a territory named only as the land an act is feared against is a place
        ("Russian troops shelled Kharkiv on Monday, and the Kremlin warned that Ukraine could "
         "attack Transnistria.", {"russia", "ukraine"}, {"transnistria"}),
        # ... one an act the text states as a fact strikes takes part, as does one that acts
        ("Azerbaijani artillery shelled Nagorno-Karabakh on Tuesday, the separatists said.",
         {"azerbaijan", "nagorno_karabakh"}, set()),
        ("Kosovo police clashed with Serb protesters in Zvecan on Monday, and NATO said it "
         "could send more troops to Kosovo.", {"kosovo"}, set()),
    ],
)  # fmt: skip
def test_a_territory_is_a_party_only_when_it_acts_or_is_struck(text, kept_ones, passing):
    assert_split(text, kept_ones, passing)


def test_armed_forces_name_no_backer():
    kept, _ = kept_and_passing(
        "Moroccan troops fired on Polisario Front positions on Friday, and the front said the "
        "Sahrawi Armed Forces would take control of the border area."
    )
    assert not {a for a in kept if "armed" in a}
