"""The span tagger in a process of its own, so that it tags one article while spaCy parses the next.

In one process the two share the GIL, and a thread gained the tagger only 13 % on 2 cores; in two processes
each has a core. The worker is a plain `python` child fed by pipes, not a `multiprocessing` one, so it
never runs the user's own script again, guard or not. If it cannot start or dies, the extractor tags in its
own process, with the same weights and the same results.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from collections import deque
from pathlib import Path
from typing import Any, BinaryIO

from .tagger import SpanTagger, TaggedSpan

_READY = "ready"
# Texts written to the child before it asks: the one it tags and the next, so it never waits for a text.
PREFETCH = 2


class TaggerWorker:
    """A child process that tags the texts it is sent, in order; `receive` waits for one text's spans."""

    def __init__(self, tagger: SpanTagger) -> None:
        settings = (str(tagger.weights), str(tagger.base), tagger.stride, tagger.bf16)
        # not `-m`: the package imports this module, so runpy would run it a second time and warn about it
        self._child = subprocess.Popen(
            [sys.executable, "-c", f"from {__name__} import main; main()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self._child.stdin is not None and self._child.stdout is not None
        self._outbox: deque[tuple[int, str, dict] | None] = deque()  # texts to write; None: close
        self._arrived = threading.Condition()  # guards all below, and tells of answers and new texts
        self._done: dict[int, Any] = {}  # ticket -> spans, or the error the tagger raised on that text
        self._abandoned: set[int] = set()  # tickets whose reader stopped early: their answers are dropped
        self._sent = self._delivered = self._answered = 0
        self.ready = False
        self._gone = False
        # Two threads carry the messages, so that neither process waits on the other: the parse goes on while
        # the child tags, and the child finds its next text waiting as soon as it is done with one.
        threading.Thread(target=self._deliver, args=(self._child.stdin, settings), daemon=True).start()
        threading.Thread(target=self._collect, args=(self._child.stdout,), daemon=True).start()

    def _deliver(self, requests: BinaryIO, settings: tuple) -> None:
        """Writes the texts to the child one ahead of the one it tags, no more: a pipe holds a dozen
        articles, and those not yet written can still be taken back."""
        try:
            _write(requests, settings)
            while True:
                with self._arrived:
                    while not self._gone and not self._closing() and not self._wanted():
                        self._arrived.wait()
                    if self._gone or self._closing():
                        return
                    message = self._outbox.popleft()
                    self._delivered += 1
                _write(requests, message)
        except OSError:  # the child is gone; the collector tells whoever waits
            self._gone = True

    def _wanted(self) -> bool:
        return bool(self._outbox) and self._delivered - self._answered < PREFETCH

    def _closing(self) -> bool:
        return bool(self._outbox) and self._outbox[0] is None

    def _collect(self, answers: BinaryIO) -> None:
        try:
            while True:
                answer = pickle.load(answers)
                if answer == _READY:
                    self.ready = True
                    continue
                ticket, spans = answer
                # tells whoever waits for this ticket, and the deliverer, which may now write the next text
                with self._arrived:
                    self._answered += 1
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
            self._outbox.append((self._sent, text, hints))
            self._arrived.notify_all()
            return self._sent

    def answered(self, ticket: int) -> bool:
        """Whether `receive` would return at once."""
        return ticket in self._done or self._gone

    def take_back(self, ticket: int) -> bool:
        """Takes a text back if the child has not been given it yet; then it is the caller's to tag."""
        with self._arrived:
            for i in range(len(self._outbox) - 1, -1, -1):  # the newest first: that is what is asked for
                message = self._outbox[i]
                if message is not None and message[0] == ticket:
                    del self._outbox[i]
                    return True
            return False

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
        """Tickets no one will receive (a reader stopped early): those not yet given to the child are not,
        and the answers to the others are not kept."""
        with self._arrived:
            for ticket in tickets:
                if self._done.pop(ticket, None) is None and not self.take_back(ticket):
                    self._abandoned.add(ticket)

    def close(self) -> None:
        """Stops the child at once: it holds nothing that is not the parent's, and one still loading its
        model would make the parent wait seconds to exit."""
        with self._arrived:
            self._outbox.clear()
            self._outbox.append(None)
            self._arrived.notify_all()
        if self._child.poll() is None:
            self._child.kill()
            self._child.wait()


def _serve(requests: BinaryIO, answers: BinaryIO) -> None:
    import torch

    torch.set_num_threads(1)  # the parent's parse has the other core
    weights, base, stride, bf16 = pickle.load(requests)
    tagger = SpanTagger(Path(weights), Path(base), stride, bf16)
    _write(answers, _READY)
    while True:  # until the parent closes the pipe or kills the child
        ticket, text, hints = pickle.load(requests)
        try:
            _write(answers, (ticket, tagger.tag(text, hints)))
        except Exception as exc:  # one odd text is that article's error, not the end of the batch
            _write(answers, (ticket, f"span tagger: {type(exc).__name__}: {exc}"))


def _write(stream: BinaryIO, message: object) -> None:
    pickle.dump(message, stream, protocol=pickle.HIGHEST_PROTOCOL)
    stream.flush()


def main() -> None:
    """The child's whole life: it answers on the stdout it was given, and anything else goes to stderr."""
    from counterpoint.link.encoder import quiet_transformers

    quiet_transformers()
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever a library prints goes to stderr, not into the answers
    sys.stdout = sys.stderr
    with contextlib.suppress(EOFError, BrokenPipeError, KeyboardInterrupt):  # the parent is gone or stopped
        _serve(sys.stdin.buffer, answers)
