"""Build of the optional native line pass (redovisa.ledger._native); metadata is in pyproject.toml.

``optional=True``: without a C compiler the package installs all the same and the import uses
its pure-Python paths (redovisa.ledger.bulk, then the reference reader).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "redovisa.ledger._native",
            ["src/redovisa/ledger/_native.c"],
            optional=True,
            extra_compile_args=["-O2", "-std=gnu11", "-Wall", "-Wextra", "-Wno-unused-parameter"],
        )
    ]
)
