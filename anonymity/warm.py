"""Build deduce's lookup cache at install time (`python -m anonymity.warm`).

deduce pickles its lookup structures next to its data on first load; doing that during
setup keeps the first check (and the checker's start-up) from paying for it.
"""

import time


def main() -> None:
    started = time.perf_counter()
    from .detector import Detector

    detector = Detector()
    detector.check_text("Jan de Vries woont in Zwolle.")
    print(f"deduce geladen en cache geschreven in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
