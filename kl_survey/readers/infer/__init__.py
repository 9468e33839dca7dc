"""Columns to answers: the second reader layer, which knows no survey tool.

``cells`` cleans each column once; ``profile`` measures its distinct answers; ``rules``
and ``typeset`` decide single, multi, numeric or text; ``ticks`` and ``packed`` read the
two shapes of multi-select; ``headers`` groups columns and numbers questions;
``municipality`` finds the respondent's municipality; ``grids`` decides when a group's
rows are one grid question, ``numeric`` reads numbers and estimates. Tools import from
this face.
"""

from kl_survey.readers.infer.cells import Column, clean_label, clean_series, columns_of
from kl_survey.readers.infer.grids import GridPlan, Split, dash_split, find_grid, numeric_layout
from kl_survey.readers.infer.headers import (
    EXPRESSION,
    Group,
    Numberer,
    group_columns,
    looks_like_prose,
    norm,
    row_texts,
    split_number,
)
from kl_survey.readers.infer.municipality import find_municipality
from kl_survey.readers.infer.order import dont_know_options, order_options
from kl_survey.readers.infer.packed import (
    MIN_FOR_OTHER,
    Cells,
    find_list,
    form_order,
    joined_multi,
    split_cells,
)
from kl_survey.readers.infer.profile import Profile, parse_numbers
from kl_survey.readers.infer.ticks import is_tick_column, tick_frame, tick_values
from kl_survey.readers.infer.typeset import (
    ANY,
    CHOICE,
    COLUMN_TYPES,
    TYPED,
    Verdict,
    classify,
    infer,
    infer_group,
    is_ticks,
)

__all__ = [
    "ANY",
    "CHOICE",
    "COLUMN_TYPES",
    "EXPRESSION",
    "MIN_FOR_OTHER",
    "TYPED",
    "Cells",
    "Column",
    "GridPlan",
    "Group",
    "Numberer",
    "Profile",
    "Split",
    "Verdict",
    "classify",
    "clean_label",
    "clean_series",
    "columns_of",
    "dash_split",
    "dont_know_options",
    "find_grid",
    "find_list",
    "find_municipality",
    "form_order",
    "group_columns",
    "infer",
    "infer_group",
    "is_tick_column",
    "is_ticks",
    "joined_multi",
    "looks_like_prose",
    "norm",
    "numeric_layout",
    "order_options",
    "parse_numbers",
    "row_texts",
    "split_cells",
    "split_number",
    "tick_frame",
    "tick_values",
]
