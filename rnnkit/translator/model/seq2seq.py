"""The translator's network: an encoder-decoder with attention (one model for all languages).

    source ids (T_src, B) -> shared embedding -> Encoder (multi-layer, optionally
        bidirectional recurrent layer) -> memory (T_src, B, D*H) and final states
    final states -> bridge (Linear + tanh per layer) -> the decoder's initial state
    per target step t (Decoder.step, the same code for training and for search):
        x<t>  = [embed(y<t-1>); h~<t-1>]          input feeding (Luong), optional
        h<t>  = cell steps, one per layer
        context, alpha = attention(h<t>, memory)
        h~<t> = tanh(W_c [context; h<t>])         the attentional vector
        logits<t> = W_out h~<t> + b                 (W_out = embedding matrix when tied)
        p(y<t> | ...) = softmax over the target language's own tokens (language_vocab.py;
                        the whole vocabulary for a model without those sets)

Token ids follow `rnnkit.text.vocabulary`: <pad>=0, <unk>=1, <bos>=2, <eos>=3; the source
starts with a target-language tag <2xx>, so one model serves every language.
"""

import dataclasses
from dataclasses import dataclass, fields, replace

import numpy

from rnnkit.core import functions as F
from rnnkit.core.backend import array_module, to_numpy
from rnnkit.core.tensor import Tensor, is_grad_enabled
from rnnkit.errors import ConfigError
from rnnkit.nn import Dropout, Embedding, Linear, Module, ModuleList, init, registry
from rnnkit.text.vocabulary import PAD_INDEX, SPECIALS
from rnnkit.translator.model.attention import ATTENTIONS, make_attention
from rnnkit.translator.model.decoder_node import DecoderNode
from rnnkit.translator.model.options import check_fields, option
from rnnkit.translator.model.output_layer import OutputLayer

CELLS = tuple(registry.CELLS)
_BRIDGES = ("bridge", "bridge_c")  # the encoder's bridge of each state (checkpoint names)
# Upper bounds, checked before anything is allocated, so that a typo or a hostile
# config.json (hidden: 10^9) is a one-line error instead of an attempt to allocate terabytes.
# Each is far beyond any recurrent translator trained (GNMT: 1024 units, 8 layers, 32k words).
MAX_VOCAB_SIZE = 1_000_000
MAX_WIDTH = 16_384  # embed and hidden
MAX_LAYERS = 32
# 1 GB of float32 weights (100 times the demo's model); Adam training needs about 4 times
# that, and initialisation briefly holds the largest matrix in float64.
MAX_PARAMETERS = 250_000_000
MIN_VOCAB_SIZE = len(SPECIALS) + 1  # the special tokens and a word
VOCAB_SIZE_WHY = f"the {len(SPECIALS)} special tokens and a word"
_SEQUENCE_LAYERS = {name: cell.layer for name, cell in registry.CELLS.items()}
_STEP_CELLS = {name: cell.step for name, cell in registry.CELLS.items()}


# --- configuration -------------------------------------------------------------------------
@dataclass(frozen=True)
class ModelOptions:
    """The network's shape as a user chooses it: the one source of these fields, their
    defaults and their help. ModelConfig (the checkpoint's) and TrainConfig (the options of
    `rnnkit train`) both are ModelOptions. Frozen: a changed option is a new object
    (`dataclasses.replace`), checked as it is made."""

    cell: str = option(
        "lstm", "rnn | sgru (the lecture's simplified GRU) | gru | lstm", choices=CELLS
    )
    layers: int = option(1, "recurrent layers in encoder and decoder", low=1, high=MAX_LAYERS)
    embed: int = option(128, "embedding size E", low=1, high=MAX_WIDTH)
    hidden: int = option(
        256,
        "hidden size H of each recurrent direction (and the decoder)",
        low=1,
        high=MAX_WIDTH,
    )
    bidirectional: bool = option(True, "bidirectional encoder")
    attention: str = option(
        "bahdanau", "bahdanau (additive) | luong (general) | none", choices=ATTENTIONS
    )
    input_feeding: bool = option(
        True, "feed the last attentional vector into the next decoder step"
    )
    dropout: float = option(
        0.1, "dropout on embeddings, between layers and before the output", low=0.0, below=1.0
    )
    tie_embeddings: bool = option(False, "output projection shares the embedding matrix")
    label_smoothing: float = option(
        0.0,
        "mix this much of the uniform distribution into the targets (training loss only)",
        low=0.0,
        below=1.0,
    )
    language_softmax: bool = option(
        True,
        "each target language's softmax ranges over the tokens of its training targets only "
        "(language_vocab.py): a smaller output layer, and no word of another language",
    )
    wait_k: int = option(
        0,
        "train for simultaneous translation: target token t attends to the language tag and "
        "the first k + t - 1 source tokens (Ma et al. 2019); needs --no-bidirectional; "
        "0: full sentence",
        low=0,
    )


# The network's options by name: what ModelConfig copies from a TrainConfig, what config.json
# keeps in its model section alone, the model group of `rnnkit train --help`.
MODEL_OPTIONS = tuple(f.name for f in fields(ModelOptions))


@dataclass(frozen=True)
class ModelConfig(ModelOptions):
    """Everything that fixes the network's shape; a checkpoint carries it (`to_dict`).
    Checked when it is made (`validate`), so a ModelConfig that exists is a valid one and
    Seq2Seq takes it as it is."""

    # One vocabulary shared by source and target, specials included: the built vocabulary's
    # length (from_dict requires it; 0 is not a valid size, so it must be given).
    vocab_size: int = option(
        0,
        "the vocabulary's size, specials included",
        low=MIN_VOCAB_SIZE,
        high=MAX_VOCAB_SIZE,
        why=VOCAB_SIZE_WHY,
    )

    @classmethod
    def of(cls, options, vocab_size):
        """The ModelConfig of any ModelOptions (a TrainConfig) for a `vocab_size` vocabulary."""
        shared = {name: getattr(options, name) for name in MODEL_OPTIONS}
        return cls(vocab_size=vocab_size, **shared)

    def __post_init__(self):
        self.validate()

    def validate(self):
        """Raise ConfigError naming the first bad field and what it allows; return self."""
        check_fields(self, prefix="model ")
        return self.check_shape()

    def check_shape(self):
        """What the fields cannot check one by one: a wait-k model's one-way encoder, and the
        size of the whole model. Return self."""
        if self.wait_k and self.bidirectional:
            # An explicit error rather than a silent switch: the default encoder is
            # bidirectional, and a model that quietly changes shape surprises its user.
            raise ConfigError(
                f"wait_k {self.wait_k} needs a unidirectional encoder (a backward direction "
                "reads words not yet spoken): set bidirectional: false (rnnkit train "
                "--no-bidirectional)"
            )
        count = self.parameter_count()
        if count > MAX_PARAMETERS:
            raise ConfigError(
                f"the model would have {count:,} parameters, more than {MAX_PARAMETERS:,}; "
                "lower vocab_size, embed, hidden or layers"
            )
        return self

    def parameter_count(self):
        """The number of weights Seq2Seq(self) holds, counted on the model itself built with
        shapes alone (rnnkit.nn.init.shapes_only: no memory, no draw), however large."""
        with init.shapes_only():
            model = Seq2Seq(self)
        return sum(p.data.size for p in model.parameters())

    def to_dict(self):
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d):
        """A validated config from a dict; unknown or missing keys raise ConfigError."""
        names = [field.name for field in dataclasses.fields(cls)]
        unknown = sorted(set(d) - set(names))
        if unknown:
            raise ConfigError(
                f"unknown model config keys {', '.join(unknown)}; allowed: {', '.join(names)}"
            )
        if "vocab_size" not in d:
            raise ConfigError("model config needs vocab_size")
        # a model saved before language_softmax existed has the whole vocabulary's softmax
        return cls(**{"language_softmax": False, **d})


# --- the decoder's state -------------------------------------------------------------------
class DecoderState:
    """What the decoder carries from one step to the next, for a batch of B' rows.

    hidden: one entry per layer, the tuple of its cell's (B', H) states: (h,), or (h, c)
    for the LSTM (registry.CellType.states);
    feed: (B', H) the previous attentional vector h~<t-1> (input feeding), or None;
    memory: the encoder outputs prepared for attention (`AttentionMemory`), or None;
    languages: (B',) ints, each row's target language (a row of the model's
    `language_vocab`), or None when the softmax ranges over the whole vocabulary.
    """

    def __init__(self, hidden, feed=None, memory=None, languages=None):
        self.hidden, self.feed, self.memory = hidden, feed, memory
        self.languages = languages

    @property
    def batch_size(self):
        return self.hidden[0][0].shape[0]

    def select(self, indices):
        """The state whose row i is this state's row indices[i] (beam reorder / expansion)."""
        indices = numpy.asarray(indices, dtype=numpy.int64)

        return DecoderState(
            [tuple(s[indices] for s in states) for states in self.hidden],
            None if self.feed is None else self.feed[indices],
            None if self.memory is None else self.memory.select(indices),
            None if self.languages is None else self.languages[indices],
        )


@dataclass
class EncoderOutput:
    """memory: (T_src, B, D*H) encoder outputs (zero past each sentence's end);
    mask: (B, T_src) bool, True at padded source positions;
    state: the decoder's initial DecoderState (bridged final states, attention memory)."""

    memory: Tensor
    mask: numpy.ndarray
    state: DecoderState


# --- encoder -------------------------------------------------------------------------------
class Encoder(Module):
    """Recurrent layer over the embedded source, and the bridge to the decoder's state."""

    def __init__(self, config):
        super().__init__()
        self.states = registry.CELLS[config.cell].states
        self.directions = 2 if config.bidirectional else 1
        self.rnn = _SEQUENCE_LAYERS[config.cell](
            config.embed,
            config.hidden,
            num_layers=config.layers,
            dropout=config.dropout if config.layers > 1 else 0.0,
            bidirectional=config.bidirectional,
        )
        # Bridge: the final states of both directions, concatenated per layer -> decoder state,
        # one Linear per state of the cell (bridge for h, bridge_c for the LSTM's c).
        for name in _BRIDGES[: self.states]:
            setattr(self, name, Linear(self.directions * config.hidden, config.hidden))

    @property
    def output_size(self):
        return self.directions * self.rnn.hidden_size

    def forward(self, embedded, lengths, bridge_lengths=None):
        """embedded: (T, B, E); lengths: (B,) ints; bridge_lengths: (B,) ints <= lengths,
        or None (= lengths): the decoder starts from the state after that many positions.

        Returns memory (T, B, D*H) and the decoder's initial hidden state (per layer the
        tuple of its states, each (B, H): (h,), or (h, c) for the LSTM).
        """
        memory, final = self.rnn(embedded, lengths=lengths)
        if bridge_lengths is not None and (bridge_lengths != lengths).any():
            # wait-k: the first target word may only depend on the prefix read by then; a
            # unidirectional encoder's state there is its state after that prefix alone.
            _, final = self.rnn(embedded[: int(bridge_lengths.max())], lengths=bridge_lengths)
        finals = final if self.states > 1 else (final,)  # the sequence layer's h_n (, c_n)
        bridged = [
            F.unstack(self._bridge(getattr(self, name), states))
            for name, states in zip(_BRIDGES, finals)
        ]
        return memory, list(zip(*bridged))  # per layer: (h,) or (h, c)

    def _bridge(self, linear, final):
        """final: (L*D, B, H), layer-major as PyTorch -> tanh(W [fwd; bwd] + b): (L, B, H)."""
        layers_directions, batch, hidden = final.shape
        layers = layers_directions // self.directions
        per_layer = final.reshape(layers, self.directions, batch, hidden).transpose(0, 2, 1, 3)
        return F.tanh(linear(per_layer.reshape(layers, batch, self.directions * hidden)))


# --- decoder -------------------------------------------------------------------------------
class Decoder(Module):
    """One cell step per layer, then attention; `step` is the whole decoder for one word."""

    def __init__(self, config, memory_size):
        super().__init__()
        self.states = registry.CELLS[config.cell].states
        self.hidden_size = config.hidden
        self.attention = make_attention(config.attention, config.hidden, memory_size)
        self.input_feeding = config.input_feeding and self.attention is not None
        first_input = config.embed + (config.hidden if self.input_feeding else 0)
        cell = _STEP_CELLS[config.cell]
        self.cells = ModuleList(
            cell(first_input if layer == 0 else config.hidden, config.hidden)
            for layer in range(config.layers)
        )
        self.dropout = Dropout(config.dropout)
        if self.attention is not None:
            # W_c of h~ = tanh(W_c [context; h]) (Luong, eq. 5: no bias).
            self.combine = Linear(memory_size + config.hidden, config.hidden, bias=False)

    def initial_state(self, hidden, memory, mask):
        """hidden: bridged encoder states; memory: (T, B, D*H); mask: (B, T) True at padding."""
        attention_memory = None
        if self.attention is not None:
            attention_memory = self.attention.precompute(F.swapaxes(memory, 0, 1), mask)
        feed = None
        if self.input_feeding:  # h~<0> = 0
            first = hidden[0][0]
            xp = array_module(first.data)
            feed = Tensor(xp.zeros((first.shape[0], self.hidden_size), dtype=first.dtype))
        return DecoderState(hidden, feed, attention_memory)

    def teacher_forced(self, embedded, state, fused=True):
        """embedded: (T, B, E) the target words' embeddings; state: the initial DecoderState.

        Returns the attentional vectors (T, B, H) as a Tensor and the attention weights
        (T, B, T_src) as a NumPy array (None without attention). fused: one graph node
        around the fused kernel (decoder_node.py); False: `step` word by word through the
        generic graph (the reference the tests compare the kernel with).
        """
        if fused:
            attentional, alpha = DecoderNode(self, embedded, state).forward()
            return attentional, None if alpha is None else to_numpy(alpha)
        outputs, weights = [], []
        memory = state.memory
        for t, step_input in enumerate(F.unstack(embedded)):  # (B, E) per step, one buffer
            if memory is not None and memory.step_mask is not None:  # a wait-k schedule
                masked = replace(memory, mask=memory.mask | memory.step_mask[t], step_mask=None)
                state = DecoderState(state.hidden, state.feed, masked, state.languages)
            attentional, state, alpha = self.step(step_input, state)
            outputs.append(attentional)
            weights.append(alpha)
        if self.attention is None:
            return F.stack(outputs), None
        return F.stack(outputs), numpy.stack([to_numpy(alpha.data) for alpha in weights])

    def fused_step(self, embedded, state):
        """`step` through the fused kernel (decoder_node.py): the same results, on arrays,
        for search under no_grad (no graph is recorded)."""
        node = DecoderNode(self, embedded.reshape(1, *embedded.shape), state)
        attentional, alpha = node.forward()
        hidden = [tuple(Tensor(s) for s in states) for states in node.final_states]
        attentional = attentional.reshape(attentional.shape[1:])
        feed = attentional if self.input_feeding else None
        alpha = None if alpha is None else Tensor(alpha[0])
        return attentional, DecoderState(hidden, feed, state.memory, state.languages), alpha

    def step(self, embedded, state):
        """embedded: (B', E) the previous target word's embedding; state: DecoderState.

        Returns the attentional vector h~ (B', H), the next state, and the attention
        weights (B', T_src) as a Tensor (None without attention).
        """
        x = embedded if state.feed is None else F.concat([embedded, state.feed], axis=1)
        hidden = []
        for layer, (cell, previous) in enumerate(zip(self.cells, state.hidden)):
            if layer > 0:
                x = self.dropout(x)
            # the nn cells take and give h alone, or the LSTM's (h, c), as PyTorch's do
            new = cell(x, previous if self.states > 1 else previous[0])
            new = new if self.states > 1 else (new,)
            hidden.append(new)
            x = new[0]  # (B', H): the layer's output a<t>
        if self.attention is None:
            return x, DecoderState(hidden, None, None, state.languages), None
        context, alpha = self.attention(x, state.memory)  # (B', D*H), (B', T_src)
        attentional = F.tanh(self.combine(F.concat([context, x], axis=1)))  # h~ (B', H)
        feed = attentional if self.input_feeding else None
        return attentional, DecoderState(hidden, feed, state.memory, state.languages), alpha


# --- the whole model -----------------------------------------------------------------------
class Seq2Seq(Module):
    """Shared embedding, Encoder, Decoder and output layer. Inputs are time-major int arrays."""

    def __init__(self, config):
        super().__init__()
        self.config = config  # a ModelConfig, checked when it was made
        self.embedding = Embedding(config.vocab_size, config.embed, padding_idx=PAD_INDEX)
        self.dropout = Dropout(config.dropout)
        self.encoder = Encoder(config)
        self.decoder = Decoder(config, self.encoder.output_size)
        if config.tie_embeddings:
            # logits = (P h~) E^T + b: P maps h~ to the embedding size when they differ.
            self.tie_projection = None
            if config.hidden != config.embed:
                self.tie_projection = Linear(config.hidden, config.embed, bias=False)
            self.output_bias = init.zeros(config.vocab_size)
        else:
            self.output = Linear(config.hidden, config.vocab_size)
        # Each target language's output classes (language_vocab.py), from the training data:
        # set by training and by Translator.load (`use_language_vocab`); None: all V.
        self.language_vocab = None

    def use_language_vocab(self, language_vocab):
        """Let each target language's softmax range over its own classes (a
        LanguageVocabularies of this model's vocabulary; None: the whole vocabulary)."""
        if language_vocab is not None:
            if not self.config.language_softmax:
                raise ValueError("this model's config has language_softmax false")
            if language_vocab.vocab_size != self.config.vocab_size:
                raise ValueError(
                    f"the language vocabularies are for {language_vocab.vocab_size} tokens, "
                    f"the model has {self.config.vocab_size}"
                )
        self.language_vocab = language_vocab

    def _languages(self, src):
        """(B,) each sentence's row of `language_vocab`, or None (the whole vocabulary)."""
        return None if self.language_vocab is None else self.language_vocab.rows(src)

    # --- encoder ---------------------------------------------------------------------------
    def encode(self, src, src_lengths):
        """src: (T_src, B) ints, first token the language tag; src_lengths: (B,) ints."""
        src, lengths = _ids(src, "src"), _ids(src_lengths, "src_lengths")
        if src.ndim != 2 or lengths.shape != (src.shape[1],):
            raise ValueError(
                f"src must be (T_src, B) and src_lengths (B,); got {src.shape} and {lengths.shape}"
            )
        embedded = self.dropout(self.embedding(src))  # (T, B, E)
        bridge = None
        if self.config.wait_k:  # the tag and the first k source tokens (wait_k_step_mask)
            bridge = numpy.minimum(lengths, 1 + self.config.wait_k)
        memory, hidden = self.encoder(embedded, lengths, bridge)
        mask = numpy.arange(src.shape[0])[None, :] >= lengths[:, None]  # (B, T): padding
        state = self.decoder.initial_state(hidden, memory, mask)
        state.languages = self._languages(src)
        return EncoderOutput(memory, mask, state)

    # --- decoder ---------------------------------------------------------------------------
    def forward(self, src, src_lengths, tgt_in):
        """Teacher forcing. tgt_in: (T_tgt, B) = <bos> + target, padded.

        Returns logits (T_tgt, B, V) and the attention weights as a NumPy array
        (T_tgt, B, T_src), or None without attention.
        """
        attentional, weights = self._decode_teacher_forced(src, src_lengths, tgt_in)
        # One output product over all steps: (T*B, H) @ (H, V) is the costliest op here.
        return self.output_layer().logits(attentional, self._languages(_ids(src, "src"))), weights

    def _decode_teacher_forced(self, src, src_lengths, tgt_in):
        """The attentional vectors (T_tgt, B, H) of every target step, and the attention."""
        tgt_in = _ids(tgt_in, "tgt_in")
        encoded = self.encode(src, src_lengths)
        if tgt_in.ndim != 2 or tgt_in.shape[1] != encoded.mask.shape[0]:
            raise ValueError(
                f"tgt_in must be (T_tgt, B={encoded.mask.shape[0]}), got {tgt_in.shape}"
            )
        embedded = self.dropout(self.embedding(tgt_in))  # (T_tgt, B, E)
        state = self._schedule(encoded, src_lengths, tgt_in.shape[0])
        return self.decoder.teacher_forced(embedded, state)

    def _schedule(self, encoded, src_lengths, steps):
        """The decoder's initial state for teacher forcing: with wait_k, its attention memory
        carries the per-step mask of the wait-k schedule (`wait_k_step_mask`)."""
        state = encoded.state
        if not self.config.wait_k or state.memory is None:
            return state
        lengths = _ids(src_lengths, "src_lengths")
        hidden = wait_k_step_mask(self.config.wait_k, steps, lengths, encoded.mask.shape[1])
        memory = dataclasses.replace(state.memory, step_mask=hidden)
        return DecoderState(state.hidden, state.feed, memory, state.languages)

    def decode_step(self, prev_tokens, state):
        """prev_tokens: (B',) ints, the last word of each hypothesis; state: DecoderState.

        Returns log-probabilities (B', V) as a Tensor, the next state, and the attention
        weights (B', T_src) as a NumPy array (None without attention).
        """
        attentional, state, alpha = self.decoder_step(prev_tokens, state)
        log_probs = F.log_softmax(self.output_layer().logits(attentional, state.languages), axis=-1)
        return log_probs, state, alpha

    def decoder_step(self, prev_tokens, state):
        """`decode_step` short of the output layer: the attentional vectors h~ (B', H) as a
        Tensor, the next state and the attention weights (B', T_src) as a NumPy array."""
        embedded = self.dropout(self.embedding(_ids(prev_tokens, "prev_tokens")))  # (B', E)
        if is_grad_enabled():
            attentional, state, alpha = self.decoder.step(embedded, state)
        else:  # search: the fused kernel, one step, nothing kept for a backward
            attentional, state, alpha = self.decoder.fused_step(embedded, state)
        return attentional, state, None if alpha is None else to_numpy(alpha.data)

    def output_layer(self):
        """The output layer (output_layer.py), one definition for training, search and
        simultaneous decoding, of the model's own parameters: untied, the output Linear's
        weight and bias; tied, the embedding matrix and the output bias, with the projection
        from h~ to the embedding size when they differ."""
        if self.config.tie_embeddings:
            weight, bias, projection = self.embedding.weight, self.output_bias, self.tie_projection
        else:
            weight, bias, projection = self.output.weight, self.output.bias, None
        return OutputLayer(projection, weight, bias, self.language_vocab, self.dropout)

    # --- training loss -----------------------------------------------------------------------
    def loss(self, src, src_lengths, tgt_in, tgt_out):
        """The lecture's sequence loss: cross-entropy summed over target steps (padding adds
        nothing), averaged over the B sentences.

        Returns (loss Tensor scalar, n_tokens int, summed NLL float): n_tokens counts the
        non-padding targets (<eos> included), so summed NLL / n_tokens is the per-token loss
        whose exp is the perplexity. With label smoothing, `loss` is the smoothed objective
        and the summed NLL is still the plain one.
        """
        tgt_out, tgt_in = _ids(tgt_out, "tgt_out"), _ids(tgt_in, "tgt_in")
        if tgt_out.shape != tgt_in.shape:
            raise ValueError(
                f"tgt_out must have the shape of tgt_in {tgt_in.shape}, got {tgt_out.shape}"
            )
        attentional, _ = self._decode_teacher_forced(src, src_lengths, tgt_in)
        languages = self._languages(_ids(src, "src"))
        summed, nll = self.output_layer().loss(
            attentional, tgt_out, languages, self.config.label_smoothing
        )
        n_tokens = int((tgt_out != PAD_INDEX).sum())
        return summed / float(tgt_out.shape[1]), n_tokens, nll


def wait_k_step_mask(k, steps, src_lengths, width):
    """(steps, B, width) bool, True where target step t (0-based) may not look.

    The wait-k schedule (Ma et al. 2019) counted in source tokens: target token t + 1 reads
    g(t + 1) = min(k + t, |x|) of them, |x| = src_length - 1 the tokens after the language
    tag. The tag (position 0) is always visible, so the row sees positions 0 .. g(t + 1);
    padding (masked anyway) is hidden too.
    """
    lengths = numpy.asarray(src_lengths)
    read = numpy.minimum(k + numpy.arange(steps)[:, None], lengths[None, :] - 1)  # (T, B)
    positions = numpy.arange(width)  # width >= max(src_lengths): the padded source
    return positions[None, None, :] > read[:, :, None]


def _ids(value, name):
    """An integer NumPy array from an array, list or Tensor of token ids or lengths."""
    array = numpy.asarray(to_numpy(getattr(value, "data", value)))
    if not numpy.issubdtype(array.dtype, numpy.integer):
        raise ValueError(f"{name} must hold integers, got dtype {array.dtype}")
    return array
