const path = require('path');
const { task, src, dest } = require('gulp');

// tsc does not copy the SVG icons; nodes and credentials reference them from dist/icons.
function copyIcons() {
	return src(path.join('icons', '*.svg'), { encoding: false }).pipe(dest(path.join('dist', 'icons')));
}

task('build:icons', copyIcons);
