"""careerpath: a career-development planner for people in technical support and customer service."""

__version__ = "0.1.0"
