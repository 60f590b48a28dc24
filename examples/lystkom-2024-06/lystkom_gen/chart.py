"""Lystkom's chart of accounts (Kommun-Bas with local sub-accounts), objects and customers.

Account numbers follow the groups of the default mapping
(``src/redovisa/coa/data/kommun_bas.toml``): försäljning 30, medlemsavgifter 81,
personal 50-54/56-58, pension 55, entreprenad 46-47, hyra 61-63, varor 40-45/64-65,
övrigt 48-49/60/66-67/69-79, avskrivningar 68, räntor 85, resultatdisposition 89.
"""

from __future__ import annotations

__all__ = [
    "ACCOUNTS",
    "CUSTOMERS",
    "DIMENSIONS",
    "LINE_ACCOUNTS",
    "MEMBER_SHARES",
    "OBJECTS",
    "PROJECTS",
    "SALES_ACCOUNTS",
    "VERKSAMHET_ID",
]

# account -> (name, #KTYP)
ACCOUNTS: dict[str, tuple[str, str]] = {
    "1221": ("Inventarier IT-utrustning", "T"),
    "1229": ("Ackumulerade avskrivningar inventarier", "T"),
    "1241": ("Bilar och andra transportmedel", "T"),
    "1249": ("Ackumulerade avskrivningar bilar", "T"),
    "1510": ("Kundfordringar", "T"),
    "1620": ("Fordran Försäkringskassan", "T"),
    "1630": ("Skattekonto", "T"),
    "1710": ("Förutbetalda kostnader", "T"),
    "1930": ("Bank", "T"),
    "2010": ("Eget kapital", "S"),
    "2340": ("Lån hos kreditinstitut", "S"),
    "2510": ("Leverantörsskulder", "S"),
    "2610": ("Utgående mervärdesskatt 25 %", "S"),
    "2640": ("Ingående mervärdesskatt", "S"),
    "2710": ("Personalens källskatt", "S"),
    "2720": ("Upplupen särskild löneskatt", "S"),
    "2730": ("Upplupen pensionskostnad, individuell del", "S"),
    "2740": ("Semesterlöneskuld", "S"),
    "2750": ("Upplupna arbetsgivaravgifter", "S"),
    "2910": ("Upplupna kostnader", "S"),
    "2970": ("Förutbetalda intäkter", "S"),
    "30410": ("Försäljning IT-drift och support", "I"),
    "30420": ("Försäljning hårdvara som tjänst", "I"),
    "30430": ("Försäljning licenser", "I"),
    "30510": ("Försäljning kundtjänst och växel", "I"),
    "30520": ("Försäljning mobiltelefoni", "I"),
    "30530": ("Försäljning e-tjänstekort", "I"),
    "30910": ("Försäljning projektledning", "I"),
    "45100": ("Förbrukningsmaterial", "K"),
    "45200": ("Förbrukningsinventarier IT", "K"),
    "46100": ("IT-konsulttjänster", "K"),
    "46200": ("Revisionstjänster", "K"),
    "46300": ("Extern projektledning", "K"),
    "49100": ("Representation", "K"),
    "50110": ("Månadslön", "K"),
    "51300": ("Förändring semesterlöneskuld", "K"),
    "54100": ("Arbetsgivaravgifter", "K"),
    "55100": ("Pensionskostnad, individuell del", "K"),
    "55200": ("Pensionsförsäkringspremie", "K"),
    "55900": ("Särskild löneskatt på pensionskostnader", "K"),
    "56100": ("Utbildning och övriga personalkostnader", "K"),
    "56500": ("Ersättning från Försäkringskassan", "K"),
    "61100": ("Lokalhyra", "K"),
    "63100": ("Hyra av IT-utrustning och maskiner", "K"),
    "64100": ("Kontorsmaterial och trycksaker", "K"),
    "66100": ("Licenser och programvara", "K"),
    "66200": ("Tele- och datakommunikation", "K"),
    "68300": ("Avskrivningar inventarier", "K"),
    "68400": ("Avskrivningar bilar", "K"),
    "69100": ("Försäkringsavgifter", "K"),
    "70100": ("Resekostnader", "K"),
    "71100": ("Kurser och konferenser", "K"),
    "81100": ("Medlemsavgifter", "I"),
    "85100": ("Räntekostnader långfristiga lån", "K"),
    "89900": ("Årets resultat", "K"),
}

DIMENSIONS = {"1": "Ansvar", "6": "Projekt"}

VERKSAMHET_ID = {"IT": "81141", "KT": "81143", "REV": "81145", "LYS": "81146"}
OBJECTS: dict[tuple[str, str], str] = {
    ("1", "81141"): "IT",
    ("1", "81143"): "Kundtjänst",
    ("1", "81145"): "Revision",
    ("1", "81146"): "LYSTKOM",
}
PROJECTS = {"c3": "IT3", "c4": "IT4", "c5": "IT5", "c6": "IT6"}
for _c, _id in PROJECTS.items():
    OBJECTS[("6", _id)] = f"IT-utrustning {_c[1]} år"

# Revenue accounts and their shares per verksamhet.
SALES_ACCOUNTS: dict[str, list[tuple[str, int]]] = {
    "IT": [("30410", 50), ("30420", 35), ("30430", 15)],
    "KT": [("30510", 70), ("30520", 22), ("30530", 8)],
    "LYS": [("30910", 100)],
}

# Who buys what (share of the verksamhet's sales): Lycksele and Storuman have handed over
# everything; Åsele kundtjänst, mobiltelefoni and e-tjänstekort; Vilhelmina kundtjänst only.
CUSTOMERS: dict[str, list[tuple[str, int]]] = {
    "IT": [("Lycksele kommun", 58), ("Storumans kommun", 42)],
    "KT": [
        ("Lycksele kommun", 38),
        ("Storumans kommun", 27),
        ("Vilhelmina kommun", 21),
        ("Åsele kommun", 14),
    ],
    "LYS": [
        ("Dorotea kommun", 1),
        ("Lycksele kommun", 1),
        ("Malå kommun", 1),
        ("Norsjö kommun", 1),
        ("Sorsele kommun", 1),
        ("Storumans kommun", 1),
        ("Vilhelmina kommun", 1),
        ("Åsele kommun", 1),
    ],
}
MEMBER_SHARES = [
    ("Lycksele kommun", 40),
    ("Storumans kommun", 24),
    ("Vilhelmina kommun", 22),
    ("Åsele kommun", 14),
]

# Cost lines of note 2 -> accounts (and suppliers) per verksamhet, with weights.
LINE_ACCOUNTS: dict[tuple[str, str], list[tuple[str, str, int]]] = {
    ("entr", "IT"): [("46100", "Nordkonsult IT AB", 100)],
    ("entr", "KT"): [("46300", "Projektstöd Norr AB", 100)],
    ("entr", "REV"): [("46200", "Revisionsbyrån i Umeå AB", 100)],
    ("hyra", "IT"): [
        ("61100", "Lycksele kommun, lokaler", 55),
        ("63100", "Finansleasing Nord AB", 45),
    ],
    ("hyra", "KT"): [("61100", "Vilhelmina kommun, lokaler", 100)],
    ("varor", "IT"): [
        ("45200", "Dataföretaget Inlandet AB", 70),
        ("45100", "Kontorsgrossisten AB", 30),
    ],
    ("varor", "KT"): [("64100", "Kontorsgrossisten AB", 100)],
    ("varor", "LYS"): [("64100", "Kontorsgrossisten AB", 100)],
    ("ovr", "IT"): [
        ("66100", "Programvaruhuset AB", 52),
        ("66200", "Telenät Norr AB", 30),
        ("69100", "Kommunförsäkring AB", 6),
        ("70100", "Resebyrån Inland AB", 5),
        ("71100", "Utbildningsbolaget AB", 7),
    ],
    ("ovr", "KT"): [
        ("66100", "Växelleverantören AB", 70),
        ("66200", "Operatören Mobil AB", 20),
        ("70100", "Resebyrån Inland AB", 10),
    ],
    ("ovr", "LYS"): [("49100", "Hotell Lappland AB", 40), ("70100", "Resebyrån Inland AB", 60)],
}
