"""The example networks shipped with the kit (read through :mod:`connectivism.examples`)."""
