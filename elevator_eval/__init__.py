"""加梯评估 / Elevator Eval: decision support for retrofitting elevators into walk-up housing.

The package root is the pure domain core; it never imports Qt. The desktop views live in
:mod:`elevator_eval.ui`.
"""

__version__ = "0.1.0"
