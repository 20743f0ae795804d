"""The span tagger in a process of its own, so that it tags one article while spaCy parses the next.

In one process the two share the GIL, and a thread gained the tagger only 13 % on 2 cores; in two processes
each has a core. The worker is a plain `python -m` child fed by pipes, not a `multiprocessing` one, so it
never runs the user's own script again, guard or not. If it cannot start or dies, the extractor tags in its
own process, with the same weights and the same results.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, BinaryIO

from .tagger import SpanTagger, TaggedSpan

_READY = "ready"


class TaggerWorker:
    """A child process that tags the texts it is sent, in order; `receive` waits for one text's spans."""

    def __init__(self, tagger: SpanTagger) -> None:
        settings = (str(tagger.weights), str(tagger.base), tagger.stride, tagger.bf16)
        self._child = subprocess.Popen(
            [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        assert self._child.stdin is not None and self._child.stdout is not None
        self._outbox: queue.Queue[object] = queue.Queue()
        self._arrived = threading.Condition()
        self._done: dict[int, Any] = {}  # ticket -> spans, or the error the tagger raised on that text
        self._abandoned: set[int] = set()  # tickets whose reader stopped early: their answers are dropped
        self._sent = 0
        self.ready = False
        self._gone = False
        # Two threads carry the messages, so that neither process waits on a full pipe: a pipe holds one
        # article or two, and a parse that waited for the tagger to take each text would lose what it gains.
        threading.Thread(target=self._deliver, args=(self._child.stdin,), daemon=True).start()
        threading.Thread(target=self._collect, args=(self._child.stdout,), daemon=True).start()
        self._outbox.put(settings)

    def _deliver(self, requests: BinaryIO) -> None:
        try:
            while True:
                message = self._outbox.get()
                if message is None:  # closed
                    return
                pickle.dump(message, requests, protocol=pickle.HIGHEST_PROTOCOL)
                requests.flush()
        except OSError:  # the child is gone; the collector tells whoever waits
            self._gone = True

    def _collect(self, answers: BinaryIO) -> None:
        try:
            while True:
                answer = pickle.load(answers)
                if answer == _READY:
                    self.ready = True
                    continue
                ticket, spans = answer
                with self._arrived:
                    if ticket in self._abandoned:
                        self._abandoned.discard(ticket)
                    else:
                        self._done[ticket] = spans
                        self._arrived.notify_all()
        except (EOFError, OSError, pickle.UnpicklingError):
            with self._arrived:  # whoever waits is told that nothing more is coming
                self._gone, self.ready = True, False
                self._arrived.notify_all()

    def send(self, text: str, hints: dict[str, list[tuple[int, int]]]) -> int | None:
        """A ticket to `receive` the text's spans with; None when the child is gone, and the text is the
        caller's to tag."""
        with self._arrived:
            if self._gone:
                return None
            self._sent += 1
            self._outbox.put((self._sent, text, hints))
            return self._sent

    def receive(self, ticket: int) -> dict[str, list[TaggedSpan]] | None:
        """The spans of the text sent with `ticket`, once tagged; None when the child died first. A text the
        tagger failed on raises its error here."""
        with self._arrived:
            while ticket not in self._done and not self._gone:
                self._arrived.wait()
            spans = self._done.pop(ticket, None)
        if isinstance(spans, str):
            raise RuntimeError(spans)
        return spans

    def forget(self, tickets: list[int]) -> None:
        """Tickets no one will receive (a reader stopped early): their answers are not kept."""
        with self._arrived:
            for ticket in tickets:
                if self._done.pop(ticket, None) is None:
                    self._abandoned.add(ticket)

    def close(self) -> None:
        """Stops the child at once: it holds nothing that is not the parent's, and one still loading its
        model would make the parent wait seconds to exit."""
        self._outbox.put(None)
        if self._child.poll() is None:
            self._child.kill()
            self._child.wait()


def _serve(requests: BinaryIO, answers: BinaryIO) -> None:
    import torch

    torch.set_num_threads(1)  # the parent's parse has the other core
    weights, base, stride, bf16 = pickle.load(requests)
    tagger = SpanTagger(Path(weights), Path(base), stride, bf16)
    _answer(answers, _READY)
    while True:  # until the parent closes the pipe or kills the child
        ticket, text, hints = pickle.load(requests)
        try:
            _answer(answers, (ticket, tagger.tag(text, hints)))
        except Exception as exc:  # one odd text is that article's error, not the end of the batch
            _answer(answers, (ticket, f"span tagger: {type(exc).__name__}: {exc}"))


def _answer(answers: BinaryIO, message: object) -> None:
    pickle.dump(message, answers, protocol=pickle.HIGHEST_PROTOCOL)
    answers.flush()


if __name__ == "__main__":
    from counterpoint.link.encoder import quiet_transformers

    quiet_transformers()
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever a library prints goes to stderr, not into the answers
    sys.stdout = sys.stderr
    with contextlib.suppress(EOFError, BrokenPipeError, KeyboardInterrupt):  # the parent is gone or stopped
        _serve(sys.stdin.buffer, answers)
