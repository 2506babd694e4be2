const jwt = require('jsonwebtoken');

const secret = process.env.JWT_SECRET || 'change-me';

function requireUser(req, res, next) {
  const header = req.headers.authorization || '';
  const token = header.replace('Bearer ', '');
  try {
    req.user = jwt.verify(token, secret);
    next();
  } catch (err) {
    res.status(401).json({ error: 'not signed in' });
  }
}

module.exports = { requireUser, sign: (user) => jwt.sign(user, secret) };
