const express = require('express');
const db = require('./db');

const products = express.Router();

products.get('/', async (req, res, next) => {
  try {
    const { rows } = await db.query('SELECT id, name, price_cents FROM products ORDER BY name');
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

products.get('/:id', async (req, res, next) => {
  try {
    const { rows } = await db.query('SELECT * FROM products WHERE id = $1', [req.params.id]);
    if (rows.length === 0) return res.status(404).json({ error: 'no such product' });
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});

module.exports = { products };
