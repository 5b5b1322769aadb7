"""Exercises for trainers: a sample agreement, a set of protections to classify, the score,
and the printed exercise and answer key for a workshop without screens."""

from blma.training.exercise import NOT_MARKED as NOT_MARKED
from blma.training.exercise import Answer as Answer
from blma.training.exercise import Exercise as Exercise
from blma.training.exercise import ExerciseItem as ExerciseItem
from blma.training.exercise import ExerciseScore as ExerciseScore
from blma.training.exercise import build_exercise as build_exercise
from blma.training.exercise import score_exercise as score_exercise
