"""One module per survey tool, each exposing ``READER``; they share only the layers
below them (``source``, ``infer``, ``builder``), never each other's functions."""
