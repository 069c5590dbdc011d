"""govspeech's spaCy components.  Importing this package registers every factory.

============================  =======================================================
factory                       what it adds
============================  =======================================================
``govspeech_numbers``         QUANTITY, PERCENT (values, units, masks, approximations)
``govspeech_ranking``         RANKING (position, top, scope, field size)
``govspeech_directive``       DIRECTIVE (sentences and ；items that set tasks)
``govspeech_deadline``        DEADLINE (after directives: some dates count only inside one)
``govspeech_department``      DEPARTMENT (canonical name, collective)
``govspeech_indicator``       INDICATOR candidates (canonical name)
``govspeech_relations``       all relations; drops indicators without a figure
``govspeech_span_filter``     trained keep/drop/add of DIRECTIVE, INDICATOR, DEPARTMENT
============================  =======================================================
"""
from govspeech.components.deadline import DeadlineRecognizer
from govspeech.components.department import DepartmentRecognizer
from govspeech.components.directive import DirectiveRecognizer
from govspeech.components.indicator import IndicatorRecognizer
from govspeech.components.numbers import NumberRecognizer
from govspeech.components.ranking import RankingRecognizer
from govspeech.components.relations import RelationLinker
from govspeech.components.statistical import SpanFilter

__all__ = ["NumberRecognizer", "RankingRecognizer", "DirectiveRecognizer", "DeadlineRecognizer",
           "DepartmentRecognizer", "IndicatorRecognizer", "RelationLinker", "SpanFilter"]
