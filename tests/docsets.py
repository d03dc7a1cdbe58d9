"""Generated multi-document sets for the engine tests: harbour bulletins about invented ports, several
per port, some of which disagree on a figure (our own wording and numbers, no scored material)."""
from __future__ import annotations

import random
from pathlib import Path

PORTS = ("Velmora", "Ostrik", "Carandel", "Brisna", "Tolvek", "Harnfeld", "Quillon", "Dasmere", "Orrin Bay",
         "Kestrava", "Lumhaven", "Pellisar", "Vorgund", "Selbrook", "Tarrowin", "Ambrel")
AGENTS = ("Ilse Marwick", "Tomas Brenner", "Odile Farrant", "Ravi Holmquist", "Nadia Pellow", "Jorge Aldane")
MONTHS = ("January", "February", "March", "April", "May", "June")


HEADS = ("{port} harbour bulletin", "News from the port of {port}", "{port}: a busy year on the quays",
         "Shipping roundup for {port}", "{port} dockside report")
THROUGHPUT = ("The {port} port authority said container throughput reached {teu} thousand units in 2023.",
              "Container traffic through {port} totalled {teu} thousand units in 2023, according to its authority.",
              "In 2023 the quays of {port} moved {teu} thousand containers, harbour officials said.")
CRANES = ("Officials at {port} expect {cranes} new cranes to be installed by 2026.",
          "{port} has ordered {cranes} ship-to-shore cranes for delivery by 2026.",
          "By 2026 the operator plans to add {cranes} cranes at {port}.")
STAFF = ("The {port} authority employs {staff} people.", "Some {staff} people work for the harbour board of {port}.",
         "Payroll at the {port} port authority stands at {staff} employees.")


def bulletin(rng: random.Random, port: str, day: int, month: str, base: dict[str, int]) -> str:
    """One bulletin in one of several wordings; with some chance a figure differs from the port's usual one."""
    def figure(key: str) -> int:
        value = base[key]
        return value + rng.choice((1, 2, 3)) * max(1, value // 4) if rng.random() < 0.15 else value

    def say(forms: tuple[str, ...], key: str) -> str:
        return rng.choice(forms).format(port=port, **{key: figure(key)})

    agent = rng.choice(AGENTS)
    return (f"{rng.choice(HEADS).format(port=port)}\n\n{day} {month} 2024\n\n"
            f"{say(THROUGHPUT, 'teu')}\n{say(CRANES, 'cranes')}\n{say(STAFF, 'staff')}\n"
            f"Shipping agent {agent} said bunker fuel prices rose {rng.randint(2, 9)} percent in the third quarter, "
            f"while dock fees stayed at {rng.randint(10, 40)} euros a tonne.\n")


def write_docset(folder: Path, count: int, *, seed: int = 7, huge_number: bool = True) -> Path:
    """``count`` bulletins as ``folder/bulletin_NNNN.txt`` (about 500 bytes each); with ``huge_number``
    one of them carries a 300-digit number (a warning, from whichever process frames it)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    bases = {p: {"teu": rng.randint(200, 9000), "cranes": rng.randint(2, 12), "staff": rng.randint(150, 3000)}
             for p in PORTS}
    for i in range(count):
        port = PORTS[i % len(PORTS)]
        text = bulletin(rng, port, 1 + i % 28, MONTHS[i % len(MONTHS)], bases[port])
        if huge_number and i == count // 2:
            text += f"An archive note lists the serial {'7' * 300} for the ledger.\n"
        (folder / f"bulletin_{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder
