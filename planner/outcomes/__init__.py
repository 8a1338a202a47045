"""What an event adopts and what follows: recommendations, action plan, follow-up."""
