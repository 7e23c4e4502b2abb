"""Models of Siemens' principles: one mechanism each, seeded, validated, fast.

Each model turns one principle of connectivism (Siemens 2005) into a small
simulation a reader can run, implemented from the primary papers; the eight
models cover the eight principles, one each (:data:`MODELS`):

* :class:`Diversity`, principle 1 ("Learning and knowledge rests in diversity
  of opinions"): bounded confidence on a ring, a small world and a complete
  network (Hegselmann & Krause 2002);
* :class:`Specialised`, principle 2 ("Learning is a process of connecting
  specialized nodes ..."): a network growing by popularity, through friends of
  friends or by topic (Barabási & Albert 1999);
* :class:`SmallWorld`, principle 4 ("Capacity to know more ..."): shortcuts
  on a ring, reach and greedy search (Watts & Strogatz 1998; Kleinberg 2000);
* :class:`Maintenance`, principle 5 ("Nurturing and maintaining connections
  ..."): ties that fade unless tended within a contact budget, and the
  collapse of the giant component (Erdős & Rényi 1960; Molloy & Reed 1995);
* :class:`Currency`, principle 7 ("Currency ..."): items of knowledge with a
  half-life spreading from sources like SIR, and the epidemic threshold
  (Newman 2002; Pastor-Satorras & Vespignani 2001);
* :class:`NonHuman`, principle 3 ("Learning may reside in non-human
  appliances"): people, tools and an aggregator, and a knock-out experiment
  (after Skrypnyk et al. 2015);
* :class:`Connections`, principle 6 ("Ability to see connections between
  fields ..."): brokerage across structural holes and the strength of weak
  ties (Burt 1992; Granovetter 1973);
* :class:`Decisions`, principle 8 ("Decision-making is itself a learning
  process"): social learning when the better option keeps changing (after
  Rendell et al. 2010).

``Diversity`` is the opinion model; the measure of how varied a learner's
sources are is :class:`connectivism.measures.SourceDiversity`.

**The frame** (:mod:`connectivism.models.base`): every model is a
:class:`~connectivism.models.base.Model` with named
:class:`~connectivism.models.base.Parameter` specifications (type, range,
default, meaning); :meth:`~connectivism.models.base.Model.run` takes a
``seed`` and keyword parameters, raises
:class:`~connectivism.errors.ModelParameterError` for bad ones (naming the
parameter, the value and the accepted range), and returns a frozen
:class:`~connectivism.models.base.Result` of numbers and read-only numpy
arrays. Same seed, same result. Networks come from networkx generators and
are converted to scipy sparse matrices; models that step through time do so
with whole-array operations (neighbour lists gathered from the CSR arrays,
bincounts, boolean masks), so 10,000 people × 100 steps take a fraction of a
second (``benchmarks/models.py``). Each model also gives a one-sentence
:meth:`~connectivism.models.base.Model.summary`, the data of its live plot
(:meth:`~connectivism.models.base.Model.charts`, with alt text) and a small
sample network (:meth:`~connectivism.models.base.Model.view`), which
:class:`connectivism.widgets.models.ModelExplorer` shows.

**The notebook template.** Every model notebook (``notebooks/11-…`` to
``18-…``) has a label and a title, a one-line overview with the time needed,
then these second-level sections in this order (:data:`NOTEBOOK_SECTIONS`):

1. *Play first*: the explorer and a question or small challenge, before any reading;
2. *What is it*: the model in plain words, tied to a classroom situation;
3. *How it works*: the rule in words and as a formula;
4. *Things to notice*, 5. *Things to try*, 6. *Extending the model*
   (the NetLogo Info-tab pattern);
7. *The principle*: Siemens' wording in quotation marks with
   ``{cite:p}`siemens2005connectivism```, and what the model does and does
   not show about learning;
8. *What's next*: links back to the course.

A note says that the site first shows a snapshot of the model's default run,
executed when the page was built, and how to make it live.

Examples
--------
>>> from connectivism.models import MODELS
>>> sorted(MODELS)
['connections', 'currency', 'decisions', 'diversity', 'maintenance', 'nonhuman', 'smallworld', 'specialised']
>>> MODELS["smallworld"]().principle[0]
4
"""

from connectivism.models.base import Chart, Model, Parameter, Result, Series, View, check_seed
from connectivism.models.connections import Connections, ConnectionsResult
from connectivism.models.currency import Currency, CurrencyResult
from connectivism.models.decisions import Decisions, DecisionsResult
from connectivism.models.diversity import Diversity, DiversityResult
from connectivism.models.maintenance import Maintenance, MaintenanceResult
from connectivism.models.nonhuman import NonHuman, NonHumanResult
from connectivism.models.smallworld import SmallWorld, SmallWorldResult
from connectivism.models.specialised import Specialised, SpecialisedResult

__all__ = [
    "Model",
    "Parameter",
    "Result",
    "Chart",
    "Series",
    "View",
    "check_seed",
    "SmallWorld",
    "SmallWorldResult",
    "Maintenance",
    "MaintenanceResult",
    "Currency",
    "CurrencyResult",
    "NonHuman",
    "NonHumanResult",
    "Diversity",
    "DiversityResult",
    "Specialised",
    "SpecialisedResult",
    "Connections",
    "ConnectionsResult",
    "Decisions",
    "DecisionsResult",
    "MODELS",
    "NOTEBOOK_SECTIONS",
]

#: Every model, by name.
MODELS = {
    model.name: model
    for model in (SmallWorld, Maintenance, Currency, NonHuman, Diversity, Specialised, Connections, Decisions)
}

#: The second-level sections of a model notebook, in order (see the module description).
NOTEBOOK_SECTIONS = (
    "Play first",
    "What is it",
    "How it works",
    "Things to notice",
    "Things to try",
    "Extending the model",
    "The principle",
    "What's next",
)
