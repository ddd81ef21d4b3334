/** AMI intake load: a loopback firehose that speaks AMI, and the benchmark of our adapter against asterisk-java's own dispatch. */
package cc.bench.ami;
