"""What a supply clause gives: a deal to buy (the seller supplies), weapons sent rather than
troops ("sending tanks and artillery to the rebels"), the goods a giving or buying verb must name
before it is a supply ("gave the envoy 48 hours to leave" is none), the user of goods who
receives them ("supplying the drones the RSF used"), and training told with arms ("armed and
trained": the supply's).
"""

from __future__ import annotations

from sim.seeding.verb_sense import class_of, of_measure
from sim.seeding.verbs import VerbClass, verbs


def deal_to_buy(cls: VerbClass | None, v, carrier) -> VerbClass | None:
    """ "signed a deal with France to buy radars": a purchase, so France supplies; "signed a
    ceasefire": a ceasefire, not a treaty."""
    if cls is None or cls.kind != "treaty":
        return cls
    truce = verbs().by_noun
    if any(getattr(truce.get(c.lemma_.lower()), "kind", None) == "ceasefire"
           for c in v.children if c.dep_ == "dobj"):  # fmt: skip
        return verbs().by_lemma.get("agree", cls)
    near = [*(carrier.children if carrier is not None else ()), *v.children]
    if any(t.lemma_.lower() in _BUYING for t in near):
        return verbs().by_lemma.get("buy")
    return cls


_BUYING = {"buy", "purchase", "acquire"}  # "signed a deal with France to buy radars"
_PEOPLE = {"instructor", "adviser", "advisor", "trainer", "contractor", "mercenary"}


_ENVOYS = {"envoy", "diplomat", "delegation", "mediator", "emissary", "message", "letter",
           "condolence", "invitation", "note"}  # fmt: skip


def goods_sent(cls: VerbClass | None, v) -> VerbClass | None:
    """ "sending tanks and artillery to the rebels": weapons sent are a supply, not troops."""
    if cls is None or cls.kind != "deployment":
        return cls
    objs = [of_measure(n) for c in v.children if c.dep_ == "dobj" for n in (c, *c.conjuncts)]
    if objs and all(o.lemma_.lower() in _ENVOYS for o in objs):
        return None  # "would send envoys to the region": diplomacy, not a deployment
    troops = {n for n, c in verbs().by_noun.items() if c.kind == "deployment"}
    troops |= _PEOPLE  # "sent 300 military instructors": people, so a deployment
    if (
        objs
        and objs[0].lemma_.lower() in verbs().goods
        and not any(o.lemma_.lower() in troops or o.lower_ in troops for o in objs)
    ):
        return verbs().by_lemma.get("supply", cls)
    return cls


def goods_of_clause(v, carrier) -> str:
    """What a supply clause supplies: the first goods word among its objects ("weapons")."""
    goods = verbs().goods
    for c in v.children:
        if c.dep_ in ("dobj", "prep"):
            for t in c.subtree:
                if t.lemma_.lower() in goods:
                    return t.text
    return "weapons"


def recipient_of_goods(v) -> list:
    """ "supplying the drones the RSF used": the user of the goods receives them."""
    out = []
    for obj in (c for c in v.children if c.dep_ in ("dobj", "oprd")):  # "oprd": a misparse of
        for rel in (c for c in obj.children if c.dep_ == "relcl"):  # "the drones the
            out += [c for c in rel.children if c.dep_ == "nsubj"]  # paramilitary RSF used"
    return out


def armed_too(v, cls: VerbClass | None) -> VerbClass | None:
    """Training told with a supply ("armed and trained", "to train and equip"): part of the
    supply the other verb states (its class), no partnership of its own."""
    if cls is None or cls.name != "train":
        return cls
    around = [*v.conjuncts, v.head] if v.dep_ == "conj" else list(v.conjuncts)
    supplied = [c for w in around if (c := class_of(w)[0]) is not None and c.kind == "supply"]
    return supplied[0] if supplied else cls


_WEAPONS = {"missile", "drone", "rocket", "bomb", "shell", "jet", "fighter", "tank", "munition",
            "warplane", "artillery", "helicopter", "submarine", "warship", "howitzer"}  # fmt: skip


_AID = {"support", "assistance", "intelligence", "funding", "training", "loan",
        "dollar", "$", "€", "£"}  # fmt: skip
GIVING = {"give", "provide", "transfer", "resume"}  # verbs that need what they give named


def goods_named(v, carrier) -> bool:
    """Whether a clause of buying, receiving or giving names arms or aid ("bought Russian-made
    jets", "received S-400 systems", "gave Colombia $5 billion"), not tourists or "48 hours to
    leave": only those make a supply."""
    goods = verbs().goods | _WEAPONS | _AID
    objs = [carrier] if carrier is not None else []
    objs += [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")
             or c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _BUYING]  # fmt: skip
    objs += [g for c in v.children if c.dep_ == "prep" and c.lower_ == "with"
             for g in c.children if g.dep_ == "pobj"]  # "provided Ukraine with aid"  # fmt: skip
    if v.dep_ == "relcl":
        objs.append(v.head)  # "the Russian-made jets Venezuela bought"
    return any(t.lemma_.lower() in goods or t.lower_ in goods
               or any(ch.isdigit() for ch in t.text) and t.pos_ == "PROPN"
               for o in objs for t in _noun_words(o))  # fmt: skip


def _noun_words(noun) -> list:
    """A phrase's own words: the noun (or a verb's objects), its modifiers, its coordinates
    and what "of"/"in"/"with" say it is ("$5 billion in aid"), not what it is for ("backing
    for a fighter jet programme")."""
    out = []
    for n in (noun, *noun.conjuncts):
        out += [n, *(c for c in n.children if c.dep_ in ("compound", "amod", "nummod",
                     "quantmod", "nmod", "dobj", "pobj"))]  # fmt: skip
        out += [g for c in n.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "with")
                for g in c.children if g.dep_ == "pobj" for g in (g, *g.children)]  # fmt: skip
    return out


# aid that is no arms: "humanitarian aid", "economic assistance"
CIVIL = {"humanitarian", "food", "medical", "economic", "financial", "development", "relief",
         "budget", "budgetary", "reconstruction", "energy"}  # fmt: skip


def civil_aid(noun) -> bool:
    """Aid that is no arms: "humanitarian aid", "economic assistance"."""
    return any(c.lower_ in CIVIL for c in noun.children if c.dep_ in ("amod", "compound"))


# the amounts aid is told in: "$2 billion in military aid", "the release of a tranche of aid"
AMOUNTS = {"billion", "million", "release", "tranche", "batch", "round", "package", "worth"}


def pledged_by(noun, pledging: set[str]) -> tuple[object | None, list]:
    """The verb of pledging a noun of aid is the object of, directly or through an amount
    ("announced $2 billion in military aid", "approved the release of a tranche of aid"), or
    None; and the amounts between them (where "for Ukraine" may hang)."""
    t, amounts = noun, []
    for _ in range(4):
        if t.dep_ == "dobj" and t.head.lemma_.lower() in pledging:
            return t.head, amounts
        up = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("in", "of") else None
        if up is None or not (up.lemma_.lower() in AMOUNTS or up.pos_ in ("NUM", "SYM")):
            return None, []
        t = up
        amounts.append(t)
    return None, []
