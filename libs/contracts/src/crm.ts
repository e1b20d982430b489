// Shapes of the crm API (see backend/src/crm).
