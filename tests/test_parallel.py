"""Row blocks in parallel threads (rnnkit.core.parallel) give the single thread's results:
the same loss and every gradient to rounding (float64), and the same Adam update."""

import numpy as np
import pytest

import rnnkit
from rnnkit import optim
from rnnkit.core import parallel
from rnnkit.translator.model.seq2seq import ModelConfig, Seq2Seq


@pytest.fixture
def threads():
    yield parallel.set_num_threads
    parallel.set_num_threads(1)


def test_row_blocks_cover_the_rows_once_and_small_batches_stay_whole(threads):
    threads(3)
    blocks = parallel.row_blocks(50)
    assert len(blocks) == 3 and blocks[0].start == 0 and blocks[-1].stop == 50
    assert all(a.stop == b.start for a, b in zip(blocks, blocks[1:]))
    assert parallel.row_blocks(parallel.MIN_ROWS * 2 - 1) == [slice(0, parallel.MIN_ROWS * 2 - 1)]
    threads(1)
    assert parallel.row_blocks(1000) == [slice(0, 1000)]


def test_run_returns_results_in_order_and_raises_a_task_error(threads):
    threads(2)
    assert parallel.run([lambda: 1, lambda: 2, lambda: 3]) == [1, 2, 3]

    def fails():
        raise KeyError("x")

    with pytest.raises(KeyError):
        parallel.run([lambda: 1, fails])


@pytest.mark.parametrize("cell, attention", [("lstm", "bahdanau"), ("gru", "luong")])
def test_a_training_step_on_two_threads_equals_one_thread(threads, cell, attention):
    rng = np.random.default_rng(0)
    batch, steps_src, steps_tgt = 37, 6, 5
    src = rng.integers(4, 40, (steps_src, batch))
    lengths = rng.integers(2, steps_src + 1, batch)
    lengths[0] = steps_src
    tgt_in = rng.integers(4, 40, (steps_tgt, batch))
    tgt_out = rng.integers(4, 40, (steps_tgt, batch))
    tgt_out[3:, ::2] = 0  # padding
    results = []
    for count in (1, 2):
        threads(count)
        rnnkit.manual_seed(3)
        config = ModelConfig(vocab_size=40, cell=cell, attention=attention, layers=2, embed=5)
        model = Seq2Seq(ModelConfig(**{**config.to_dict(), "hidden": 6, "dropout": 0.2}))
        for p in model.parameters():
            p.data = p.data.astype(np.float64)
        rnnkit.manual_seed(4)  # the same dropout masks
        loss, _, nll = model.loss(src, lengths, tgt_in, tgt_out)
        loss.backward()
        adam = optim.Adam(model.parameters(), lr=0.01)
        adam.step()
        results.append(
            (loss.item(), nll, {n: (p.grad, p.data) for n, p in model.named_parameters()})
        )
    (loss1, nll1, params1), (loss2, nll2, params2) = results
    assert loss2 == pytest.approx(loss1, rel=1e-12) and nll2 == pytest.approx(nll1, rel=1e-12)
    for name, (grad, weight) in params1.items():
        assert np.abs(grad).max() > 0, name
        np.testing.assert_allclose(params2[name][0], grad, rtol=1e-10, atol=1e-13, err_msg=name)
        np.testing.assert_allclose(params2[name][1], weight, rtol=1e-10, atol=1e-13, err_msg=name)


def test_a_large_product_on_two_threads_equals_numpy_and_its_gradients_flow(threads):
    from rnnkit.core import functions as F

    rng = np.random.default_rng(1)
    x = rnnkit.tensor(rng.normal(size=(300, 256)), requires_grad=True)
    w = rnnkit.tensor(rng.normal(size=(256, 400)), requires_grad=True)
    assert 300 * 256 * 400 >= F.PARALLEL_PRODUCT  # large enough to be split
    threads(2)
    y = F.matmul(x, w)
    np.testing.assert_allclose(y.data, x.data @ w.data, rtol=1e-12)
    y.sum().backward()
    np.testing.assert_allclose(x.grad, np.ones((300, 400)) @ w.data.T, rtol=1e-12)


def test_training_runs_blas_on_one_thread_and_gives_the_setting_back(tmp_path, monkeypatch):
    """train() from Python runs NumPy's BLAS on one thread per call, as `rnnkit train` does
    (its own threads spinning beside rnnkit's made a step 2.3-50x slower), and leaves the
    process's setting as it found it."""
    from threadpoolctl import threadpool_info, threadpool_limits

    from rnnkit.translator.training import loop
    from rnnkit.translator.training.config import build_config

    def blas_threads():
        return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}

    data = tmp_path / "train.tsv"
    data.write_text("".join(f"a b {i}\tx y {i}\n" for i in range(40)), encoding="utf-8")
    seen, real_loss = [], Seq2Seq.loss

    def loss(self, *args):
        seen.append(blas_threads())
        return real_loss(self, *args)

    monkeypatch.setattr(Seq2Seq, "loss", loss)
    config = build_config(
        overrides={"data": str(data), "cell": "gru", "embed": 8, "hidden": 8, "max_steps": 3}
    )
    with threadpool_limits(2, user_api="blas"):
        assert blas_threads() == {2}
        loop.train(config.validate(), tmp_path / "m", show_progress=False)
        assert blas_threads() == {2}
    assert len(seen) == 3 and all(threads == {1} for threads in seen)
