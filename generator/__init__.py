"""lunxun: turns trainers' YAML into a Chinese training website with quizzes."""
