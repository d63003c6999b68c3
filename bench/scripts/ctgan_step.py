#!/usr/bin/python3
"""CTGAN training steps per second in PyTorch, the peer of the gan-step bench (bench/Pipelines.Bench/Gan/GanStepBench.cs).

The same networks and the same step as Pipelines' CtganTrainer (src/Trainers/Gan/Training/CtganTrainer.cs), on the
shapes and span layout the bench passes as --layout (JSON, see below), so both sides multiply the same matrices:

- generator: input [z (noise), cond]; residual blocks y = cat(relu(BatchNorm1d(Linear(x))), x); Linear to the data
  width; each output span activated by tanh (a numeric column's alpha) or gumbel_softmax(tau, hard=False) (one-hot
  spans: modes, categories);
- critic (PacGAN): rows packed pac at a time, then Linear + LeakyReLU(0.2) + Dropout per hidden layer, Linear to 1;
- one step = one critic update + one generator update:
  critic: conditions c (a discrete column uniformly, one of its slots), fake = activate(G([z, c])) under no_grad (as
  ours: the reference CTGAN builds the generator's graph here and never uses it), real rows with the conditions
  permuted, L_D = mean D([fake, c]) - mean D([real, c']) + lambda * GP, GP = mean over packs (||grad D(x_hat)|| - 1)^2
  at x_hat = a real + (1 - a) fake with one a ~ U(0, 1) per pack (torch.autograd.grad, create_graph=True); one
  backward, one Adam step;
  generator: new conditions, L_G = -mean D([activate(G([z, c])), c]) + cross-entropy of the conditioned column's raw
  logits at the asked-for slot (summed over rows, / batch); one backward, one Adam step.
- Adam(lr, betas, weight_decay) for both, zero_grad(set_to_none=True).

The rows are random (a value in [-1, 1] per tanh span, a random one-hot per softmax span), and the real row of a
condition is any row, not one with the asked-for category: the bench measures speed, not quality.

Timing as SteadyState in the bench: one untimed run of --steps steps, then the best of --runs runs of --steps steps,
at torch.set_num_threads(--threads). Prints the configuration (or runs --report-code, Python the bench passes, with
torch imported), then one JSON line: {"steps_per_second": ..., "best_seconds": ..., "steps": ...}.

    /usr/bin/python3 bench/scripts/ctgan_step.py --layout layout.json --threads 1 --steps 100 --runs 3

Layout: {"rows": N, "data_dim": D, "cond_dim": C,
         "spans": [[start, width, "tanh" | "softmax"], ...],      (covering [0, D) in order)
         "discrete": [[start, width, cond_offset], ...],            (the spans a condition can name)
         "noise": 128, "generator": [256, 256], "critic": [256, 256], "pac": 10, "dropout": 0.5, "batch": 500,
         "lambda": 10, "lr_generator": 2e-4, "lr_critic": 2e-4, "betas": [0.5, 0.9], "weight_decay": 1e-6, "tau": 0.2}
--layout takes the JSON itself or a file holding it.
"""
import argparse
import json
import os
import time

import torch
import torch.nn.functional as F
from torch import nn


class Residual(nn.Module):
    def __init__(self, inputs, outputs):
        super().__init__()
        self.fc = nn.Linear(inputs, outputs)
        self.bn = nn.BatchNorm1d(outputs)

    def forward(self, x):
        return torch.cat([F.relu(self.bn(self.fc(x))), x], dim=1)


class Generator(nn.Module):
    def __init__(self, inputs, hidden, data_dim):
        super().__init__()
        layers, width = [], inputs
        for h in hidden:
            layers.append(Residual(width, h))
            width += h
        layers.append(nn.Linear(width, data_dim))
        self.seq = nn.Sequential(*layers)

    def forward(self, x):
        return self.seq(x)


class Critic(nn.Module):
    def __init__(self, inputs, hidden, pac, dropout):
        super().__init__()
        self.pac, self.pacdim = pac, inputs * pac
        layers, width = [], self.pacdim
        for h in hidden:
            layers += [nn.Linear(width, h), nn.LeakyReLU(0.2), nn.Dropout(dropout)]
            width = h
        layers.append(nn.Linear(width, 1))
        self.seq = nn.Sequential(*layers)

    def forward(self, x):
        return self.seq(x.view(-1, self.pacdim))

    def gradient_penalty(self, real, fake, lambda_):
        n, d = real.shape
        alpha = torch.rand(n // self.pac, 1, 1).repeat(1, self.pac, d).view(-1, d)
        points = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
        scores = self(points)
        grads = torch.autograd.grad(scores, points, torch.ones_like(scores), create_graph=True, retain_graph=True)[0]
        return ((grads.view(-1, self.pacdim).norm(2, dim=1) - 1) ** 2).mean() * lambda_


def config_lines(report_code):
    if report_code:
        exec(report_code, {"torch": torch})
        return
    print(f"  PyTorch {torch.__version__}, torch.get_num_threads() {torch.get_num_threads()}")
    for line in torch.__config__.parallel_info().splitlines():
        if line.strip():
            print("  " + line.strip())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layout", required=True, help="the layout JSON, or a file holding it")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--steps", type=int, default=100, help="steps per timed run")
    parser.add_argument("--runs", type=int, default=3, help="timed runs after the untimed one")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--report-code", default="", help="Python run to print the configuration (torch is imported)")
    args = parser.parse_args()
    layout = json.loads(open(args.layout).read() if os.path.isfile(args.layout) else args.layout)

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    config_lines(args.report_code)

    rows, data_dim, cond_dim, batch = layout["rows"], layout["data_dim"], layout["cond_dim"], layout["batch"]
    noise, pac, tau, lambda_ = layout["noise"], layout["pac"], layout["tau"], layout["lambda"]
    spans = [(s, w, kind == "tanh") for s, w, kind in layout["spans"]]
    discrete = layout["discrete"]
    if sum(w for _, w, _ in spans) != data_dim or batch % pac != 0:
        raise SystemExit(f"layout: spans cover {sum(w for _, w, _ in spans)} of data_dim {data_dim}, batch {batch}, pac {pac}")

    data = torch.empty(rows, data_dim)
    for s, w, tanh in spans:
        if tanh:
            data[:, s:s + w].uniform_(-1, 1)
        else:
            data[:, s:s + w] = F.one_hot(torch.randint(w, (rows,)), w).float()

    generator = Generator(noise + cond_dim, layout["generator"], data_dim)
    critic = Critic(data_dim + cond_dim, layout["critic"], pac, layout["dropout"])
    betas = tuple(layout["betas"])
    opt_g = torch.optim.Adam(generator.parameters(), lr=layout["lr_generator"], betas=betas, weight_decay=layout["weight_decay"])
    opt_d = torch.optim.Adam(critic.parameters(), lr=layout["lr_critic"], betas=betas, weight_decay=layout["weight_decay"])
    widths = torch.tensor([w for _, w, _ in discrete])
    cond_offsets = torch.tensor([o for _, _, o in discrete])
    every_row = torch.arange(batch)

    def conditions():
        """Conditional vectors [batch, cond_dim] and the one-hot of the column each row names [batch, discrete]."""
        column = torch.randint(len(discrete), (batch,))
        slot = (torch.rand(batch) * widths[column]).long()
        cond = torch.zeros(batch, cond_dim)
        cond[every_row, cond_offsets[column] + slot] = 1
        return cond, F.one_hot(column, len(discrete)).float()

    def activate(raw):
        return torch.cat([torch.tanh(raw[:, s:s + w]) if tanh else F.gumbel_softmax(raw[:, s:s + w], tau=tau)
                          for s, w, tanh in spans], dim=1)

    def condition_loss(raw, cond, mask):
        losses = [F.cross_entropy(raw[:, s:s + w], cond[:, o:o + w].argmax(dim=1), reduction="none") for s, w, o in discrete]
        return (torch.stack(losses, dim=1) * mask).sum() / batch

    def step():
        cond, _ = conditions()
        with torch.no_grad():
            fake = activate(generator(torch.cat([torch.randn(batch, noise), cond], dim=1)))
        perm = torch.randperm(batch)
        real = data[torch.randint(rows, (batch,))]
        fake_cat = torch.cat([fake, cond], dim=1)
        real_cat = torch.cat([real, cond[perm]], dim=1)
        opt_d.zero_grad(set_to_none=True)
        loss_d = critic(fake_cat).mean() - critic(real_cat).mean() + critic.gradient_penalty(real_cat, fake_cat, lambda_)
        loss_d.backward()
        opt_d.step()

        cond, mask = conditions()
        opt_g.zero_grad(set_to_none=True)
        raw = generator(torch.cat([torch.randn(batch, noise), cond], dim=1))
        loss_g = -critic(torch.cat([activate(raw), cond], dim=1)).mean() + condition_loss(raw, cond, mask)
        loss_g.backward()
        opt_g.step()
        return loss_d.item() + loss_g.item()

    def run():
        for _ in range(args.steps):
            step()

    run()
    best = float("inf")
    for _ in range(args.runs):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"steps_per_second": args.steps / best, "best_seconds": best, "steps": args.steps}))


if __name__ == "__main__":
    main()
