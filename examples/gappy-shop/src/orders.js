const express = require('express');
const db = require('./db');

const orders = express.Router();

orders.post('/', async (req, res, next) => {
  const { productId, quantity } = req.body;
  try {
    const { rows } = await db.query(
      'INSERT INTO orders (user_id, product_id, quantity) VALUES ($1, $2, $3) RETURNING id',
      [req.user.id, productId, quantity],
    );
    res.status(201).json({ id: rows[0].id });
  } catch (err) {
    next(err);
  }
});

orders.get('/', async (req, res, next) => {
  try {
    const { rows } = await db.query('SELECT * FROM orders WHERE user_id = $1', [req.user.id]);
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

module.exports = { orders };
