process.stdout.write('boards: not built yet\n');
