// Shapes of the portfolio API (see backend/src/portfolio).
